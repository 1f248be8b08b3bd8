package io.wampspring.benchmarks.jawampa;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.benchmarks.probe.ClosedLoop;
import io.wampspring.benchmarks.probe.LoadOptions;
import ws.wamp.jawampa.WampClient;
import ws.wamp.jawampa.WampClientBuilder;
import ws.wamp.jawampa.WampSerialization;
import ws.wamp.jawampa.transport.netty.NettyWampClientConnectorProvider;

/**
 * jawampa's client as a caller: {@code client.call(procedure, "hello", 42)} with a number
 * of calls in flight, as a jawampa user writes it. Options: {@link LoadOptions}, plus
 * {@code --procedure} (default {@code bench.echo}).
 */
public final class JawampaCaller {

	private JawampaCaller() {
	}

	/**
	 * Run the caller.
	 * @param args the options
	 * @throws Exception when it cannot connect or every call fails
	 */
	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		String procedure = options.extra("procedure", "bench.echo");
		WampClient client = new WampClientBuilder().withConnectorProvider(new NettyWampClientConnectorProvider())
			.withUri(options.url())
			.withRealm(options.realm())
			.withSerializations(new WampSerialization[] { serialization(options.serializer()) })
			.withNrReconnects(0)
			.build();
		CompletableFuture<Void> connected = new CompletableFuture<>();
		client.statusChanged().subscribe((state) -> {
			if (state instanceof WampClient.ConnectedState) {
				connected.complete(null);
			}
		}, connected::completeExceptionally);
		client.open();
		connected.get(10, TimeUnit.SECONDS);
		new ClosedLoop(
				(done) -> client.call(procedure, "hello", 42).subscribe((reply) -> done.complete(null), done::complete),
				options.inFlight())
			.run(options);
		client.close().toBlocking().last();
		System.exit(0);
	}

	static WampSerialization serialization(String name) {
		return switch (name) {
			case "json" -> WampSerialization.Json;
			case "msgpack" -> WampSerialization.MessagePack;
			default -> throw new IllegalArgumentException("jawampa speaks json and msgpack, not " + name);
		};
	}

}
