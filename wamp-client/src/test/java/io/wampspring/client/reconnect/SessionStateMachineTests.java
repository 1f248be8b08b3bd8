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
			assertThat(SessionStateMachine.isAllowed(state, SessionState.CLOSED))
				.isEqualTo(state != SessionState.CLOSED);
		}
	}

	@Test
	@org.junit.jupiter.api.Timeout(30)
	void aSubscriberStillBeingServedSeesEveryLaterTransition() throws Exception {
		// a replay buffer of one slot let a subscriber that was still being served skip
		// transitions: under load a listener saw JOINED without CONNECTING and
		// AUTHENTICATING. Here the subscriber is held in its first event while the
		// transitions happen.
		SessionStateMachine machine = new SessionStateMachine((event) -> {
		});
		List<SessionStateEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.concurrent.CountDownLatch inFirstEvent = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch transitionsDone = new java.util.concurrent.CountDownLatch(1);
		Thread transitions = new Thread(() -> {
			try {
				inFirstEvent.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			machine.transition(SessionState.CONNECTING, "connecting");
			machine.transition(SessionState.AUTHENTICATING, "authenticating");
			machine.transition(SessionState.JOINED, "joined");
			transitionsDone.countDown();
		});
		transitions.start();
		machine.events().subscribe((event) -> {
			if (seen.isEmpty()) {
				inFirstEvent.countDown();
				try {
					transitionsDone.await(10, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			seen.add(event);
		});
		transitions.join(10_000);
		assertThat(seen).extracting(SessionStateEvent::state)
			.containsExactly(SessionState.CLOSED, SessionState.CONNECTING, SessionState.AUTHENTICATING,
					SessionState.JOINED);
	}

	@Test
	@org.junit.jupiter.api.Timeout(30)
	void aSubscriberOnABusySchedulerSeesEveryTransition() throws Exception {
		// publishOn fuses with the replay buffer and polls it when its worker runs: with
		// a one-slot buffer (replay().latest()) a listener whose scheduler was busy while
		// the session joined saw JOINED alone
		reactor.core.scheduler.Scheduler single = reactor.core.scheduler.Schedulers.newBoundedElastic(1, 100, "busy");
		try {
			SessionStateMachine machine = new SessionStateMachine((event) -> {
			});
			java.util.concurrent.CountDownLatch transitionsDone = new java.util.concurrent.CountDownLatch(1);
			single.schedule(() -> {
				try {
					transitionsDone.await(10, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			List<SessionStateEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
			machine.events().publishOn(single).subscribe(seen::add);
			machine.transition(SessionState.CONNECTING, "connecting");
			machine.transition(SessionState.AUTHENTICATING, "authenticating");
			machine.transition(SessionState.JOINED, "joined");
			transitionsDone.countDown();
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(seen).extracting(SessionStateEvent::state)
					.containsExactly(SessionState.CLOSED, SessionState.CONNECTING, SessionState.AUTHENTICATING,
							SessionState.JOINED));
		}
		finally {
			single.dispose();
		}
	}

}
