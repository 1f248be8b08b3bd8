package io.wampspring.client;

import java.time.Duration;
import java.util.Map;

import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.uri.MatchPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void clientOptionsDefaults() {
		ClientOptions options = ClientOptions.builder("ws://localhost:8080/ws", "realm1").build();
		assertThat(options.authenticators()).containsExactly(AnonymousAuthenticator.INSTANCE);
		assertThat(options.authid()).isNull();
		assertThat(options.roleFeatures()).containsOnlyKeys("caller", "callee", "publisher", "subscriber");
		assertThat(options.roleFeatures().get("callee")).containsEntry("pattern_based_registration", true)
			.containsEntry("shared_registration", true);
		assertThat(options.defaultErrorUri()).isEqualTo("wamp.error.runtime_error");
		assertThat(options.reconnect().isEnabled()).isTrue();
		assertThat(options.transport().describe()).isEqualTo("ws://localhost:8080/ws");
	}

	@Test
	void mutateDerivesChangedOptionsAndLeavesTheOriginal() {
		ClientOptions original = ClientOptions.builder("ws://localhost:8080/ws", "realm1")
			.authid("joe")
			.authenticator(new TicketAuthenticator("secret"))
			.feature("caller", "call_timeout", false)
			.build();
		ClientOptions changed = original.mutate().authid("ann").feature("caller", "x_custom", true).build();
		assertThat(changed.authid()).isEqualTo("ann");
		assertThat(changed.authenticators()).hasSize(1);
		assertThat(changed.roleFeatures().get("caller")).containsEntry("call_timeout", false)
			.containsEntry("x_custom", true);
		assertThat(original.authid()).isEqualTo("joe");
		assertThat(original.roleFeatures().get("caller")).doesNotContainKey("x_custom");
		assertThat(changed.transport()).isSameAs(original.transport());
	}

	@Test
	void clientOptionsValidation() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder("http://localhost/ws", "realm1"))
			.withMessageContaining("ws://")
			.withMessageContaining("tcp://");
		assertThat(ClientOptions.builder("tcp://localhost:8081", "realm1").build().transport())
			.isInstanceOf(io.wampspring.client.transport.RawSocketTransport.class);
		assertThat(ClientOptions.builder("unix:///run/wamp.sock", "realm1").build().transport().describe())
			.isEqualTo("unix:///run/wamp.sock");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder("ws://localhost/ws", "bad realm"))
			.withMessageContaining("realm");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientOptions.builder("ws://localhost/ws", "realm1").feature("dealer", "x", true))
			.withMessageContaining("unknown role");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientOptions.builder("ws://localhost/ws", "realm1")
				.authenticator(new TicketAuthenticator("a"))
				.authenticator(new TicketAuthenticator("b")))
			.withMessageContaining("ticket");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientOptions.builder("ws://localhost/ws", "realm1").goodbyeTimeout(Duration.ZERO));
		assertThat(new TicketAuthenticator("secret").toString()).doesNotContain("secret");
	}

	@Test
	void webSocketTransportOptions() {
		WebSocketTransport transport = WebSocketTransport.builder("wss://example.com/ws")
			.serializers(WampCodecs.CBOR, WampCodecs.JSON)
			.header("X-Key", "v")
			.pingInterval(Duration.ofSeconds(20))
			.maxFrameSize(65536)
			.connectTimeout(Duration.ofSeconds(3))
			.build();
		assertThat(transport.serializers()).containsExactly(WampCodecs.CBOR, WampCodecs.JSON);
		assertThat(transport.headers()).containsEntry("X-Key", "v");
		assertThat(transport.maxFrameSize()).isEqualTo(65536);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebSocketTransport.builder("ws://x/ws").serializers(WampCodecs.JSON, WampCodecs.JSON));
		assertThatIllegalArgumentException().isThrownBy(() -> WebSocketTransport.builder("ws://x/ws").maxFrameSize(10));
	}

	@Test
	void requestOptionsToWire() {
		assertThat(CallOptions.builder()
			.timeout(Duration.ofSeconds(2))
			.discloseMe(true)
			.option("ppt_scheme", "x")
			.build()
			.toWire(true))
			.isEqualTo(Map.of("timeout", 2000L, "disclose_me", true, "receive_progress", true, "ppt_scheme", "x"));
		assertThat(CallOptions.defaults().toWire(false)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> CallOptions.builder().timeout(Duration.ofNanos(5)));
		assertThat(RegisterOptions.defaults().toWire()).isEmpty();
		assertThat(RegisterOptions.builder().match(MatchPolicy.WILDCARD).invoke(InvokePolicy.LAST).build().toWire())
			.isEqualTo(Map.of("match", "wildcard", "invoke", "last"));
		assertThat(SubscribeOptions.match(MatchPolicy.PREFIX).toWire()).isEqualTo(Map.of("match", "prefix"));
		assertThat(PublishOptions.defaults().toWire()).isEmpty();
		assertThat(PublishOptions.builder().exclude(3L).excludeAuthrole("guest").build().toWire())
			.isEqualTo(Map.of("exclude", java.util.List.of(3L), "exclude_authrole", java.util.List.of("guest")));
		assertThat(CancelMode.fromWire("kill")).isEqualTo(CancelMode.KILL);
		assertThat(CancelMode.fromWire(null)).isEqualTo(CancelMode.KILL_NO_WAIT);
	}

}
