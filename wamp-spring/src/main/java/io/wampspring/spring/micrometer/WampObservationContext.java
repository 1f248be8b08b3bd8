package io.wampspring.spring.micrometer;

import java.util.Objects;

import io.micrometer.observation.Observation;
import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;

/**
 * What the template and listener observations share: the operation, the peer, the
 * destination (the URI, or the registered pattern) and how the operation ended.
 */
public abstract class WampObservationContext extends Observation.Context {

	/** The outcome of an operation that completed. */
	public static final String OUTCOME_SUCCESS = "success";

	/** The outcome of an operation that failed. */
	public static final String OUTCOME_ERROR = "error";

	/**
	 * The outcome of an operation that was canceled (an INTERRUPT, or the caller gave
	 * up).
	 */
	public static final String OUTCOME_CANCELLED = "cancelled";

	private final WampOperation operation;

	private final String peer;

	private final String destination;

	private final String uri;

	private boolean cancelled;

	private @Nullable String answeredUri;

	/**
	 * Create a context.
	 * @param operation the operation
	 * @param peer the peer's name
	 * @param destination the destination: the URI, or the registered pattern
	 * @param uri the concrete URI (differs from the destination for pattern registrations
	 * and subscriptions)
	 */
	protected WampObservationContext(WampOperation operation, String peer, String destination, String uri) {
		this.operation = Objects.requireNonNull(operation, "operation");
		this.peer = Objects.requireNonNull(peer, "peer");
		this.destination = Objects.requireNonNull(destination, "destination");
		this.uri = Objects.requireNonNull(uri, "uri");
	}

	/**
	 * The operation.
	 * @return the operation
	 */
	public WampOperation getOperation() {
		return this.operation;
	}

	/**
	 * The peer's name.
	 * @return the name
	 */
	public String getPeer() {
		return this.peer;
	}

	/**
	 * The destination, bounded in cardinality: the URI for the template, the registered
	 * URI or pattern for listeners.
	 * @return the destination
	 */
	public String getDestination() {
		return this.destination;
	}

	/**
	 * The concrete URI of the message.
	 * @return the URI
	 */
	public String getUri() {
		return this.uri;
	}

	/**
	 * Whether the operation was canceled before it ended.
	 * @return true when canceled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Mark the operation canceled.
	 * @param cancelled whether it was canceled
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * How the operation ended.
	 * @return {@value #OUTCOME_SUCCESS}, {@value #OUTCOME_ERROR} or
	 * {@value #OUTCOME_CANCELLED}
	 */
	public String getOutcome() {
		if (getError() != null) {
			return OUTCOME_ERROR;
		}
		return this.cancelled ? OUTCOME_CANCELLED : OUTCOME_SUCCESS;
	}

	/**
	 * The error URI of a failed operation: the URI the peer answered with when one was
	 * recorded ({@link #setErrorUri(String)}), else the URI of a {@link WampException},
	 * else the exception's simple class name.
	 * @return the error, or {@code none}
	 */
	public String getErrorUri() {
		String answered = this.answeredUri;
		return (answered != null && getError() != null) ? answered : errorUri(getError());
	}

	/**
	 * Record the error URI the peer answered with when it differs from the observed
	 * error: a handler's exception that was translated to a WAMP error. The observation's
	 * error stays the handler's own exception, so that Micrometer's {@code error} tag
	 * names its class and this URI is the {@code wamp.error} key.
	 * @param uri the URI answered
	 */
	public void setErrorUri(String uri) {
		this.answeredUri = Objects.requireNonNull(uri, "uri");
	}

	/**
	 * The error URI of a failure.
	 * @param error the failure, or null
	 * @return the URI of a {@link WampException}, the simple class name of another
	 * exception, or {@code none}
	 */
	public static String errorUri(@Nullable Throwable error) {
		if (error == null) {
			return "none";
		}
		return (error instanceof WampException wamp) ? wamp.getUri() : error.getClass().getSimpleName();
	}

}
