package io.wampspring.router.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.core.link.LocalLink;
import io.wampspring.core.message.WampMessage;
import io.wampspring.router.realm.Outbound;
import io.wampspring.router.realm.RouterCore;
import io.wampspring.router.realm.RouterSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process link: a client in the same JVM hands message objects to a router session
 * and receives message objects back, without sockets or serialization.
 * <p>
 * Messages from the client are queued and drained by whichever thread delivers (one at a
 * time, in order), so the session sees them serially even when the client delivers from
 * several threads. Messages to the client are delivered on the router's threads.
 */
public final class LocalTransport implements LocalAcceptor {

	private static final Logger logger = LoggerFactory.getLogger(LocalTransport.class);

	private final RouterCore core;

	/**
	 * Create the transport.
	 * @param core the router core
	 */
	public LocalTransport(RouterCore core) {
		this.core = core;
	}

	@Override
	public LocalLink accept(LocalLink toClient) {
		ToClient outbound = new ToClient(toClient);
		RouterSession session = this.core.newSession(outbound);
		return new ToRouter(session, outbound);
	}

	private static final class ToClient implements Outbound {

		private final LocalLink client;

		private final AtomicBoolean closed = new AtomicBoolean();

		ToClient(LocalLink client) {
			this.client = client;
		}

		@Override
		public void send(WampMessage message) {
			if (this.closed.get()) {
				return;
			}
			try {
				this.client.deliver(message);
			}
			catch (RuntimeException ex) {
				logger.warn("In-process client failed to take a message: {}", ex.toString());
			}
		}

		@Override
		public void close(String reason) {
			if (this.closed.compareAndSet(false, true)) {
				this.client.closed(reason);
			}
		}

		@Override
		public String kind() {
			return "local";
		}

	}

	private static final class ToRouter implements LocalLink {

		private final RouterSession session;

		private final ToClient outbound;

		private final Queue<WampMessage> queue = new ConcurrentLinkedQueue<>();

		private final AtomicInteger pending = new AtomicInteger();

		ToRouter(RouterSession session, ToClient outbound) {
			this.session = session;
			this.outbound = outbound;
		}

		@Override
		public void deliver(WampMessage message) {
			this.queue.offer(message);
			if (this.pending.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				WampMessage next;
				while ((next = this.queue.poll()) != null) {
					try {
						this.session.receive(next);
					}
					catch (RuntimeException ex) {
						logger.error("Router failure while handling an in-process message of session {}",
								this.session.id(), ex);
					}
				}
				missed = this.pending.addAndGet(-missed);
			}
			while (missed != 0);
		}

		@Override
		public void closed(String reason) {
			this.outbound.closed.set(true);
			this.session.transportClosed();
		}

	}

}
