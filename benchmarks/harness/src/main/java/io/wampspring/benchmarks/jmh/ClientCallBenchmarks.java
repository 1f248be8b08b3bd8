package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.core.link.LocalLink;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * The client's request path without sockets or codecs: a {@link WampClient} on an
 * {@link InProcessTransport} whose other end answers every CALL with a RESULT at once, on
 * the calling thread. What remains is the client's own work per call: the Reactor chain,
 * the request table, the timeout, the message objects, and the hop to the result
 * scheduler. {@code pipelined} keeps 256 calls in flight (the figure is per call);
 * {@code oneAtATime} waits for each result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClientCallBenchmarks {

	private static final int IN_FLIGHT = 256;

	private static final List<Object> ARGS = List.of("hello", 42);

	private @Nullable WampClient client;

	private @Nullable WampTemplate template;

	/** Connect a client to the answering end. */
	@Setup
	public void setUp() {
		this.client = WampClient
			.create(ClientOptions.builder(new InProcessTransport(new AnsweringRouter(), "jmh"), "bench")
				.reconnect(ReconnectOptions.disabled())
				.build());
		this.client.connect().block(Duration.ofSeconds(10));
		this.template = new WampTemplate(WampPeer.builder("jmh").clients(this.client).build());
	}

	private WampClient client() {
		return Objects.requireNonNull(this.client, "setUp did not run");
	}

	private WampTemplate template() {
		return Objects.requireNonNull(this.template, "setUp did not run");
	}

	/** Close the client. */
	@TearDown
	public void tearDown() {
		client().close().block(Duration.ofSeconds(10));
	}

	/**
	 * One call, waiting for its result.
	 * @return the result
	 */
	@Benchmark
	public CallResult oneAtATime() {
		return client().call("bench.echo", ARGS).block(Duration.ofSeconds(10));
	}

	/**
	 * 256 calls in flight at once, waiting for all.
	 * @return the last result
	 */
	@Benchmark
	@OperationsPerInvocation(IN_FLIGHT)
	public CallResult pipelined() {
		return Flux.range(0, IN_FLIGHT)
			.flatMap((i) -> client().call("bench.echo", ARGS), IN_FLIGHT)
			.blockLast(Duration.ofSeconds(10));
	}

	/**
	 * 256 calls in flight through {@link WampTemplate} with a result type, waiting for
	 * all.
	 * @return the last result
	 */
	@Benchmark
	@OperationsPerInvocation(IN_FLIGHT)
	public Object pipelinedTemplate() {
		return Flux.range(0, IN_FLIGHT)
			.flatMap((i) -> template().call("bench.echo", List.class, "hello", 42), IN_FLIGHT)
			.blockLast(Duration.ofSeconds(10));
	}

	/**
	 * The router's end of the in-process link: WELCOME for HELLO, RESULT with the CALL's
	 * arguments for every CALL, GOODBYE for GOODBYE.
	 */
	static final class AnsweringRouter implements LocalAcceptor {

		@Override
		public LocalLink accept(LocalLink toClient) {
			return new LocalLink() {
				@Override
				public void deliver(WampMessage message) {
					if (message instanceof Call call) {
						toClient.deliver(new Result(call.requestId(), Map.of(), call.args(), call.kwargs()));
					}
					else if (message instanceof Hello) {
						toClient.deliver(new Welcome(1,
								Map.of("authrole", "anonymous", "authmethod", "anonymous", "roles", Map.of("dealer",
										Map.of("features", Map.of()), "broker", Map.of("features", Map.of())))));
					}
					else if (message instanceof Goodbye) {
						toClient.deliver(new Goodbye(Map.of(), "wamp.close.goodbye_and_out"));
					}
				}

				@Override
				public void closed(String reason) {
				}
			};
		}

	}

}
