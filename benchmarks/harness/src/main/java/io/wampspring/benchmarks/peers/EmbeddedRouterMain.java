package io.wampspring.benchmarks.peers;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.WampRouter;

/**
 * Our embedded router on a WebSocket and a RawSocket listener (free ports), realm
 * {@code bench} open to anonymous sessions. Arguments: {@code [--callee json|msgpack]}
 * also starts a {@link PlainCallee} in this process. Prints
 * {@code READY ws://127.0.0.1:P/ws tcp://127.0.0.1:Q} and runs until killed.
 */
public final class EmbeddedRouterMain {

	private EmbeddedRouterMain() {
	}

	/**
	 * Run the router.
	 * @param args the options
	 * @throws Exception when it cannot start
	 */
	public static void main(String[] args) throws Exception {
		String callee = (args.length == 2 && args[0].equals("--callee")) ? args[1] : null;
		WampRouter router = WampRouter.builder()
			.realm("bench")
			.webSocket("127.0.0.1", 0, "/ws")
			.rawSocket("127.0.0.1", 0)
			.build()
			.start();
		if (callee != null) {
			new PlainCallee(WampCodecs.byName(callee)).start(router.webSocketUrl(), "bench", Duration.ofSeconds(20));
		}
		System.out.println("READY " + router.webSocketUrl() + " " + router.rawSocketUrl());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
