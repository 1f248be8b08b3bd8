package io.wampspring.spring.micrometer;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The state both kinds of {@link WampObservationContext} hold, in one place since the
 * template's and the listener's contexts extend different Micrometer classes.
 */
final class WampOperationState {

	final WampOperation operation;

	final String peer;

	final String destination;

	final String uri;

	volatile boolean cancelled;

	volatile @Nullable String answeredUri;

	WampOperationState(WampOperation operation, String peer, String destination, String uri) {
		this.operation = Objects.requireNonNull(operation, "operation");
		this.peer = Objects.requireNonNull(peer, "peer");
		this.destination = Objects.requireNonNull(destination, "destination");
		this.uri = Objects.requireNonNull(uri, "uri");
	}

	String errorUri(@Nullable Throwable error) {
		String answered = this.answeredUri;
		return (answered != null && error != null) ? answered : WampObservationContext.errorUri(error);
	}

}
