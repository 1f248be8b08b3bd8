package io.wampspring.spring.support;

import java.util.Map;

import io.wampspring.client.WampEvent;
import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * The details of an event, injectable into a {@code @WampSubscribe} method.
 *
 * @param topic the topic (the concrete one for pattern subscriptions)
 * @param publication the publication id
 * @param publisher the publisher, as far as disclosed
 * @param details the raw EVENT details
 */
public record EventDetails(String topic, long publication, WampIdentity publisher, Map<String, Object> details) {

	/**
	 * Read the details of an event.
	 * @param event the event
	 * @return the details
	 */
	public static EventDetails of(WampEvent event) {
		return new EventDetails(event.topic(), event.publication(),
				new WampIdentity(event.publisher(), event.publisherAuthid(), event.publisherAuthrole()),
				event.details());
	}

	/**
	 * Whether this is the topic's retained event, delivered because the subscription
	 * asked for it ({@code get_retained}).
	 * @return true for a retained event
	 */
	public boolean retained() {
		return Dicts.bool(this.details, "retained", false);
	}

	/**
	 * The trust level the router assigned to the publication, when it discloses one (the
	 * embedded router assigns one per role, see its realm configuration).
	 * @return the trust level, or null
	 */
	public @Nullable Long trustlevel() {
		return Dicts.integer(this.details, "trustlevel");
	}

}
