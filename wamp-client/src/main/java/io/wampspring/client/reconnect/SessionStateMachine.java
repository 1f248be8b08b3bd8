package io.wampspring.client.reconnect;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The connection state machine: holds the current {@link SessionState}, rejects
 * transitions the lifecycle does not allow, and publishes every change as a
 * {@link SessionStateEvent} (the current state is replayed to new subscribers). Thread
 * safe.
 */
public final class SessionStateMachine {

	private static final Map<SessionState, Set<SessionState>> ALLOWED = Map.of(SessionState.CLOSED,
			EnumSet.of(SessionState.CONNECTING), SessionState.CONNECTING,
			EnumSet.of(SessionState.AUTHENTICATING, SessionState.JOINED, SessionState.DEGRADED,
					SessionState.RECONNECTING, SessionState.CLOSED),
			SessionState.AUTHENTICATING,
			EnumSet.of(SessionState.JOINED, SessionState.DEGRADED, SessionState.RECONNECTING, SessionState.CLOSED),
			SessionState.JOINED, EnumSet.of(SessionState.LEAVING, SessionState.RECONNECTING, SessionState.CLOSED),
			SessionState.DEGRADED,
			EnumSet.of(SessionState.JOINED, SessionState.LEAVING, SessionState.RECONNECTING, SessionState.CLOSED),
			SessionState.LEAVING, EnumSet.of(SessionState.CLOSED, SessionState.RECONNECTING), SessionState.RECONNECTING,
			EnumSet.of(SessionState.CONNECTING, SessionState.CLOSED));

	private final Sinks.Many<SessionStateEvent> events = Sinks.many().replay().latest();

	private final Consumer<SessionStateEvent> listener;

	private volatile SessionState state = SessionState.CLOSED;

	/**
	 * Create a machine in state {@link SessionState#CLOSED}.
	 * @param listener called with every change, under the machine's lock (for the log
	 * line)
	 */
	public SessionStateMachine(Consumer<SessionStateEvent> listener) {
		this.listener = listener;
		this.events.tryEmitNext(new SessionStateEvent(SessionState.CLOSED, SessionState.CLOSED, "created", null, 0,
				Duration.ZERO, Instant.now()));
	}

	/**
	 * Whether the lifecycle allows a transition.
	 * @param from the current state
	 * @param to the next state
	 * @return true when allowed
	 */
	public static boolean isAllowed(SessionState from, SessionState to) {
		return ALLOWED.get(from).contains(to);
	}

	/**
	 * The current state.
	 * @return the state
	 */
	public SessionState state() {
		return this.state;
	}

	/**
	 * Move to a new state.
	 * @param to the next state
	 * @param reason why, for people
	 * @return true when the transition happened, false when it is not allowed from the
	 * current state (the state is unchanged)
	 */
	public boolean transition(SessionState to, @Nullable String reason) {
		return transition(to, reason, null, 0, Duration.ZERO);
	}

	/**
	 * Move to a new state with the details of a failure or a reconnect attempt.
	 * @param to the next state
	 * @param reason why, for people
	 * @param error the failure behind the change, if any
	 * @param attempt the reconnect attempt number, or 0
	 * @param delay the wait before that attempt, or zero
	 * @return true when the transition happened
	 */
	public synchronized boolean transition(SessionState to, @Nullable String reason, @Nullable Throwable error,
			int attempt, Duration delay) {
		SessionState from = this.state;
		if (!isAllowed(from, to)) {
			return false;
		}
		this.state = to;
		SessionStateEvent event = new SessionStateEvent(from, to, reason, error, attempt, delay, Instant.now());
		this.listener.accept(event);
		this.events.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		return true;
	}

	/**
	 * Every state change, starting with the current state.
	 * @return a hot Flux that replays the latest event
	 */
	public Flux<SessionStateEvent> events() {
		// hide(): without it publishOn fuses with the replay buffer and polls it only
		// when its worker runs, so a listener whose scheduler was busy while the session
		// joined saw JOINED alone; pushed, every transition reaches every subscriber in
		// order
		return this.events.asFlux().hide();
	}

}
