package io.wampspring.benchmarks.peers;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.wampspring.benchmarks.probe.ClosedLoop;
import io.wampspring.benchmarks.probe.LoadOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.peer.WampPeer;
import reactor.core.publisher.Mono;

/**
 * Our client as a caller, with a number of calls in flight: {@code --mode plain} calls
 * {@code client.call("bench.echo", List.of("hello", 42))}, {@code --mode template} calls
 * {@code template.call("bench.echo", List.class, "hello", 42)} through a
 * {@link WampTemplate} of a one-session peer, as a Spring application writes it. Options:
 * {@link LoadOptions}, plus {@code --mode} and {@code --procedure}.
 */
public final class ClientCaller {

	private ClientCaller() {
	}

	/**
	 * Run the caller.
	 * @param args the options
	 * @throws Exception when it cannot connect or every call fails
	 */
	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		String procedure = options.extra("procedure", PlainCallee.PROCEDURE);
		String mode = options.extra("mode", "plain");
		WampClient client = WampClient.create(ClientOptions.builder(transport(options), options.realm()).build());
		client.connect().block(Duration.ofSeconds(20));
		Function<Object, Mono<?>> call = switch (mode) {
			case "plain" -> {
				List<Object> args0 = List.of("hello", 42);
				yield (ignored) -> client.call(procedure, args0);
			}
			case "template" -> {
				WampTemplate template = new WampTemplate(WampPeer.builder("bench").clients(client).build());
				yield (ignored) -> template.call(procedure, List.class, "hello", 42);
			}
			default -> throw new IllegalArgumentException("--mode is plain or template, not " + mode);
		};
		new ClosedLoop((done) -> call.apply(done).subscribe(null, done::complete, () -> done.complete(null)),
				options.inFlight())
			.run(options);
		client.close().block(Duration.ofSeconds(5));
		System.exit(0);
	}

	static WampTransport transport(LoadOptions options) {
		if (options.url().startsWith("tcp://")) {
			return RawSocketTransport.builder(options.url())
				.serializers(WampCodecs.byName(options.serializer()))
				.build();
		}
		return WebSocketTransport.builder(options.url()).serializers(WampCodecs.byName(options.serializer())).build();
	}

}
