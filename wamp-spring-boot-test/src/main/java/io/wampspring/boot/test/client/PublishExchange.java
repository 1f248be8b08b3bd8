package io.wampspring.boot.test.client;

import java.time.Duration;
import java.util.Optional;

import io.wampspring.core.WampException;
import reactor.core.publisher.Mono;

/**
 * The answer of the router to one publication.
 */
public final class PublishExchange {

	private final String topic;

	private final Duration timeout;

	private final Mono<Optional<Long>> answer;

	PublishExchange(String topic, Mono<Long> publication, Duration timeout) {
		this.topic = topic;
		this.timeout = timeout;
		// Sent at once, as a call is: the expectations only look at the answer.
		this.answer = publication.map(Optional::of).defaultIfEmpty(Optional.empty()).cache();
		this.answer.subscribe((id) -> {
		}, (error) -> {
		});
	}

	/**
	 * Expect the router to acknowledge the publication (the default options ask it to).
	 * @return the publication id
	 * @throws AssertionError when the router refuses it or does not answer in time
	 */
	public long expectAcknowledged() {
		Optional<Long> id = await("an acknowledgement");
		return id.orElseThrow(() -> new AssertionError("The publication to '" + this.topic
				+ "' was not acknowledged: publish with PublishOptions.acknowledged() to expect it"));
	}

	/**
	 * Expect the publication to be written (for a publication without acknowledgement).
	 * @throws AssertionError when it fails or is not written in time
	 */
	public void expectSent() {
		await("the publication to be sent");
	}

	/**
	 * Expect the router to refuse the publication with an error URI.
	 * @param uri the error URI, such as {@code wamp.error.not_authorized}
	 * @return assertions on the error
	 * @throws AssertionError when the router accepts it, answers another error, or does
	 * not answer in time
	 */
	public ErrorSpec expectError(String uri) {
		Optional<Long> id;
		try {
			id = block();
		}
		catch (WampException ex) {
			if (!uri.equals(ex.getUri())) {
				throw new AssertionError("Expected error " + uri + " for the publication to '" + this.topic
						+ "' but got " + ex.getUri() + " " + ex.getArgs(), ex);
			}
			return new ErrorSpec("refusal of the publication to '" + this.topic + "'", ex);
		}
		throw new AssertionError("Expected error " + uri + " for the publication to '" + this.topic + "' but it was "
				+ (id.isPresent() ? "acknowledged" : "sent"));
	}

	private Optional<Long> await(String wanted) {
		try {
			return block();
		}
		catch (WampException ex) {
			throw new AssertionError("Expected " + wanted + " from '" + this.topic + "' but got error " + ex.getUri()
					+ " " + ex.getArgs(), ex);
		}
	}

	private Optional<Long> block() {
		try {
			Optional<Long> id = this.answer.block(this.timeout);
			return (id != null) ? id : Optional.empty();
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Timeout")) {
				throw new AssertionError("No answer to the publication to '" + this.topic + "' within "
						+ this.timeout.toMillis() + " ms");
			}
			throw ex;
		}
	}

}
