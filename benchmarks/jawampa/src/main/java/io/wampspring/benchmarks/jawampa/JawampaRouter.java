package io.wampspring.benchmarks.jawampa;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import ws.wamp.jawampa.WampRouter;
import ws.wamp.jawampa.WampRouterBuilder;
import ws.wamp.jawampa.WampSerialization;
import ws.wamp.jawampa.transport.netty.SimpleWampWebsocketListener;

/**
 * jawampa's router on a WebSocket (JSON and MessagePack; jawampa has no RawSocket), one
 * realm. Arguments: {@code port realm}. Prints {@code READY ws://127.0.0.1:PORT/ws} and
 * runs until killed.
 */
public final class JawampaRouter {

	private JawampaRouter() {
	}

	/**
	 * Run the router.
	 * @param args port and realm
	 * @throws Exception when it cannot start
	 */
	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		String realm = args[1];
		WampRouter router = new WampRouterBuilder().addRealm(realm).build();
		URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
		SimpleWampWebsocketListener listener = new SimpleWampWebsocketListener(router, uri, null,
				List.of(WampSerialization.Json, WampSerialization.MessagePack));
		listener.start();
		System.out.println("READY " + uri);
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
