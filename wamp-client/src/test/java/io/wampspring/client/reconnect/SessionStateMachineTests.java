package io.wampspring.client.reconnect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStateMachineTests {

	@Test
	void followsTheLifecycleAndRejectsOtherTransitions() {
		List<SessionStateEvent> logged = new ArrayList<>();
		SessionStateMachine machine = new SessionStateMachine(logged::add);
		assertThat(machine.state()).isEqualTo(SessionState.CLOSED);
		assertThat(machine.transition(SessionState.JOINED, "too early")).isFalse();
		assertThat(machine.transition(SessionState.CONNECTING, "connecting")).isTrue();
		assertThat(machine.transition(SessionState.AUTHENTICATING, "challenge")).isTrue();
		assertThat(machine.transition(SessionState.JOINED, "joined")).isTrue();
		assertThat(machine.transition(SessionState.CONNECTING, "not from joined")).isFalse();
		assertThat(machine.transition(SessionState.RECONNECTING, "lost", null, 1, Duration.ofMillis(5))).isTrue();
		assertThat(machine.transition(SessionState.CONNECTING, "again")).isTrue();
		assertThat(machine.transition(SessionState.JOINED, "joined")).isTrue();
		assertThat(machine.transition(SessionState.LEAVING, "leaving")).isTrue();
		assertThat(machine.transition(SessionState.CLOSED, "left")).isTrue();
		assertThat(logged).extracting(SessionStateEvent::state)
			.containsExactly(SessionState.CONNECTING, SessionState.AUTHENTICATING, SessionState.JOINED,
					SessionState.RECONNECTING, SessionState.CONNECTING, SessionState.JOINED, SessionState.LEAVING,
					SessionState.CLOSED);
		assertThat(logged.get(3).attempt()).isEqualTo(1);
		assertThat(logged.get(3).previous()).isEqualTo(SessionState.JOINED);
	}

	@Test
	void replaysTheCurrentStateToNewSubscribers() {
		SessionStateMachine machine = new SessionStateMachine((event) -> {
		});
		machine.transition(SessionState.CONNECTING, "connecting");
		StepVerifier.create(machine.events().take(2))
			.assertNext((event) -> assertThat(event.state()).isEqualTo(SessionState.CONNECTING))
			.then(() -> machine.transition(SessionState.JOINED, "joined"))
			.assertNext((event) -> assertThat(event.reason()).isEqualTo("joined"))
			.expectComplete()
			.verify(Duration.ofSeconds(1));
	}

	@Test
	void everyStateCanReachClosedExceptClosedItself() {
		for (SessionState state : SessionState.values()) {
			assertThat(SessionStateMachine.isAllowed(state, SessionState.CLOSED)).isEqualTo(state != SessionState.CLOSED);
		}
	}

}
