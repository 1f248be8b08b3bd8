package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.core.WampUris;
import io.wampspring.core.link.LocalLink;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process link: message objects without sockets, routed together with WebSocket
 * sessions.
 */
class LocalLinkTests {

	static final class Inbox implements LocalLink {

		final BlockingQueue<WampMessage> messages = new LinkedBlockingQueue<>();

		volatile String closedReason;

		@Override
		public void deliver(WampMessage message) {
			this.messages.add(message);
		}

		@Override
		public void closed(String reason) {
			this.closedReason = reason;
		}

		<T extends WampMessage> T expect(Class<T> type) throws InterruptedException {
			WampMessage message = this.messages.poll(5, TimeUnit.SECONDS);
			assertThat(message).isInstanceOf(type);
			return type.cast(message);
		}

	}

	@Test
	void localClientCallsAndServesWebSocketPeers() throws Exception {
		WampRouter router = WampRouter.builder().realm("realm1").webSocket("127.0.0.1", 0, "/ws").build().start();
		try (TestPeer remote = TestPeer.connect(router.webSocketUrl())) {
			remote.join("realm1");
			Inbox inbox = new Inbox();
			LocalLink toRouter = router.accept(inbox);
			toRouter.deliver(TestPeer.hello("realm1", Map.of()));
			Welcome welcome = inbox.expect(Welcome.class);
			assertThat(welcome.details()).containsEntry("authmethod", "anonymous");

			toRouter.deliver(new Register(1, Map.of(), "com.local.echo"));
			long registration = inbox.expect(Registered.class).registration();
			long request = remote.call("com.local.echo", Map.of(), "hi");
			Invocation invocation = inbox.expect(Invocation.class);
			assertThat(invocation.registration()).isEqualTo(registration);
			toRouter.deliver(new Yield(invocation.requestId(), Map.of(), invocation.args(), Map.of()));
			assertThat(remote.expect(Result.class).requestId()).isEqualTo(request);

			remote.register("com.remote.add", Map.of());
			toRouter.deliver(new Call(2, Map.of(), "com.remote.add", List.of(1, 2), Map.of()));
			Invocation remoteInvocation = remote.expect(Invocation.class);
			remote.send(new Yield(remoteInvocation.requestId(), Map.of(), List.of(3), Map.of()));
			assertThat(inbox.expect(Result.class).args()).containsExactly(3L);

			toRouter.deliver(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
			assertThat(inbox.expect(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_GOODBYE_AND_OUT);
			assertThat(inbox.closedReason).isNotNull();
		}
		finally {
			router.stop();
		}
	}

}
