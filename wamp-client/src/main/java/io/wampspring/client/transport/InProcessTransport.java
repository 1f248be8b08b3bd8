package io.wampspring.client.transport;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.core.link.LocalLink;
import io.wampspring.core.message.WampMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A transport to a router in the same JVM (such as the embedded router) through a
 * {@link LocalAcceptor}: messages are handed over as objects, without sockets or
 * serialization.
 */
public final class InProcessTransport implements WampTransport {

	private final LocalAcceptor acceptor;

	private final String name;

	/**
	 * Create a transport.
	 * @param acceptor the in-process router's acceptor
	 * @param name a name for log lines, such as {@code embedded}
	 */
	public InProcessTransport(LocalAcceptor acceptor, String name) {
		this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
		this.name = Objects.requireNonNull(name, "name");
	}

	@Override
	public Mono<WampConnection> connect() {
		return Mono.fromSupplier(() -> {
			LocalConnection connection = new LocalConnection();
			connection.toRouter = this.acceptor.accept(connection);
			return connection;
		});
	}

	@Override
	public String describe() {
		return "in-process:" + this.name;
	}

	private static final class LocalConnection implements WampConnection, LocalLink {

		private static final WampMessage CLOSED = new io.wampspring.core.message.Goodbye(java.util.Map.of(), "closed");

		private final Sinks.Many<WampMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

		// The router may deliver from several threads, and the sink needs serial calls:
		// callers enqueue, and whoever finds the queue idle drains it. Nobody blocks or
		// holds a lock while the session handles a message, so the router cannot deadlock
		// against it.
		private final Queue<WampMessage> queue = new ConcurrentLinkedQueue<>();

		private final AtomicInteger wip = new AtomicInteger();

		private final AtomicBoolean open = new AtomicBoolean(true);

		private volatile LocalLink toRouter;

		@Override
		public void deliver(WampMessage message) {
			if (this.open.get()) {
				this.queue.offer(message);
				drain();
			}
		}

		@Override
		public void closed(String reason) {
			if (this.open.compareAndSet(true, false)) {
				this.queue.offer(CLOSED);
				drain();
			}
		}

		private void drain() {
			if (this.wip.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				WampMessage message;
				while ((message = this.queue.poll()) != null) {
					if (message == CLOSED) {
						this.inbound.tryEmitComplete();
					}
					else {
						this.inbound.tryEmitNext(message);
					}
				}
				missed = this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}

		@Override
		public Flux<WampMessage> inbound() {
			return this.inbound.asFlux();
		}

		@Override
		public Mono<Void> send(WampMessage message) {
			return Mono.fromRunnable(() -> {
				if (!this.open.get()) {
					throw new IllegalStateException("in-process connection is closed");
				}
				this.toRouter.deliver(message);
			});
		}

		@Override
		public Mono<Void> close() {
			return Mono.fromRunnable(() -> {
				if (this.open.compareAndSet(true, false)) {
					this.toRouter.closed("client closed the connection");
					this.queue.offer(CLOSED);
					drain();
				}
			});
		}

		@Override
		public boolean isOpen() {
			return this.open.get();
		}

		@Override
		public String protocol() {
			return "in-process";
		}

	}

}
