package io.wampspring.client.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.core.WampUris;
import io.wampspring.core.link.LocalAcceptor;
import io.wampspring.core.link.LocalLink;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process transport against a tiny router made of a {@link LocalAcceptor}.
 */
class InProcessTransportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AtomicReference<LocalLink> toClient = new AtomicReference<>();

	private final AtomicReference<String> closedByClient = new AtomicReference<>();

	private final LocalAcceptor acceptor = (client) -> {
		this.toClient.set(client);
		return new LocalLink() {

			@Override
			public void deliver(WampMessage message) {
				if (message instanceof Hello) {
					client.deliver(new Welcome(42, Map.of("authid", "local", "authrole", "trusted")));
				}
				else if (message instanceof Call call) {
					client.deliver(new Result(call.requestId(), Map.of(), call.args(), call.kwargs()));
				}
				else if (message instanceof Goodbye goodbye && goodbye.reason().equals(WampUris.CLOSE_NORMAL)) {
					client.deliver(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
				}
			}

			@Override
			public void closed(String reason) {
				InProcessTransportTests.this.closedByClient.set(reason);
			}

		};
	};

	@Test
	void joinsCallsAndLeavesWithoutSockets() {
		WampClient client = WampClient
			.create(ClientOptions.builder(new InProcessTransport(this.acceptor, "test"), "realm1")
				.reconnect(ReconnectOptions.disabled())
				.build());
		StepVerifier.create(client.connect())
			.assertNext((info) -> assertThat(info.authrole()).isEqualTo("trusted"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(client.call("com.echo", List.of("x"), Map.of(), CallOptions.defaults()))
			.assertNext((result) -> assertThat(result.args()).containsExactly("x"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(client.close()).expectComplete().verify(TIMEOUT);
		assertThat(this.closedByClient.get()).isNotNull();
	}

	@Test
	void routerClosingTheLinkIsATransportLoss() {
		WampClient client = WampClient
			.create(ClientOptions.builder(new InProcessTransport(this.acceptor, "test"), "realm1")
				.reconnect(ReconnectOptions.disabled())
				.build());
		client.connect().block(TIMEOUT);
		this.toClient.get().closed("router stopped");
		StepVerifier.create(client.stateEvents().filter((e) -> e.state() == SessionState.CLOSED).next())
			.assertNext((event) -> assertThat(event.reason()).contains("in-process:test"))
			.expectComplete()
			.verify(TIMEOUT);
	}

}
