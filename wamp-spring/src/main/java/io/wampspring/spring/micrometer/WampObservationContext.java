package io.wampspring.spring.micrometer;

import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;

/**
 * What the template and listener observations share: the operation, the peer, the
 * destination (the URI, or the registered pattern) and how the operation ended. The
 * template's context is a Micrometer {@code SenderContext} and the listener's a
 * {@code ReceiverContext} ({@link WampTemplateContext}, {@link WampListenerContext}), so
 * that a tracing handler propagates the trace context through the message.
 */
public interface WampObservationContext {

	/** The outcome of an operation that completed. */
	String OUTCOME_SUCCESS = "success";

	/** The outcome of an operation that failed. */
	String OUTCOME_ERROR = "error";

	/**
	 * The outcome of an operation that was canceled (an INTERRUPT, or the caller gave
	 * up).
	 */
	String OUTCOME_CANCELLED = "cancelled";

	/**
	 * The operation.
	 * @return the operation
	 */
	WampOperation getOperation();

	/**
	 * The peer's name.
	 * @return the name
	 */
	String getPeer();

	/**
	 * The destination, bounded in cardinality: the URI for the template, the registered
	 * URI or pattern for listeners.
	 * @return the destination
	 */
	String getDestination();

	/**
	 * The concrete URI of the message.
	 * @return the URI
	 */
	String getUri();

	/**
	 * Whether the operation was canceled before it ended.
	 * @return true when canceled
	 */
	boolean isCancelled();

	/**
	 * Mark the operation canceled.
	 * @param cancelled whether it was canceled
	 */
	void setCancelled(boolean cancelled);

	/**
	 * The failure of the operation (Micrometer's {@code Observation.Context#getError()}).
	 * @return the failure, or null
	 */
	@Nullable Throwable getError();

	/**
	 * Record the error URI the peer answered with when it differs from the observed
	 * error: a handler's exception that was translated to a WAMP error. The observation's
	 * error stays the handler's own exception, so that Micrometer's {@code error} tag
	 * names its class and this URI is the {@code wamp.error} key.
	 * @param uri the URI answered
	 */
	void setErrorUri(String uri);

	/**
	 * The error URI of a failed operation: the URI the peer answered with when one was
	 * recorded ({@link #setErrorUri(String)}), else the URI of a {@link WampException},
	 * else the exception's simple class name.
	 * @return the error, or {@code none}
	 */
	String getErrorUri();

	/**
	 * How the operation ended.
	 * @return {@value #OUTCOME_SUCCESS}, {@value #OUTCOME_ERROR} or
	 * {@value #OUTCOME_CANCELLED}
	 */
	default String getOutcome() {
		if (getError() != null) {
			return OUTCOME_ERROR;
		}
		return isCancelled() ? OUTCOME_CANCELLED : OUTCOME_SUCCESS;
	}

	/**
	 * The error URI of a failure.
	 * @param error the failure, or null
	 * @return the URI of a {@link WampException}, the simple class name of another
	 * exception, or {@code none}
	 */
	static String errorUri(@Nullable Throwable error) {
		if (error == null) {
			return "none";
		}
		return (error instanceof WampException wamp) ? wamp.getUri() : error.getClass().getSimpleName();
	}

}
