package io.wampspring.client;

import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * An event received on a subscription.
 *
 * @param topic the concrete topic: from the {@code topic} detail for pattern
 * subscriptions, else the subscribed one
 * @param publication the publication id
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param details the EVENT details
 */
public record WampEvent(String topic, long publication, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs, Map<String, Object> details) {

	/**
	 * The publisher's session id, when disclosed.
	 * @return the session id, or null
	 */
	public @Nullable Long publisher() {
		return Dicts.integer(this.details, "publisher");
	}

	/**
	 * The publisher's authid, when disclosed.
	 * @return the authid, or null
	 */
	public @Nullable String publisherAuthid() {
		return Dicts.string(this.details, "publisher_authid");
	}

	/**
	 * The publisher's authrole, when disclosed.
	 * @return the authrole, or null
	 */
	public @Nullable String publisherAuthrole() {
		return Dicts.string(this.details, "publisher_authrole");
	}

	/**
	 * Whether this is the topic's retained event, delivered because the subscription
	 * asked for it ({@code retained} detail).
	 * @return true for a retained event
	 */
	public boolean retained() {
		return Dicts.bool(this.details, "retained", false);
	}

	/**
	 * The trust level the router assigned to the publication ({@code trustlevel} detail),
	 * when it discloses one.
	 * @return the trust level, or null
	 */
	public @Nullable Long trustlevel() {
		return Dicts.integer(this.details, "trustlevel");
	}

	/**
	 * A positional argument.
	 * @param index the position
	 * @return the value, or null when absent
	 */
	public @Nullable Object arg(int index) {
		return (index < this.args.size()) ? this.args.get(index) : null;
	}

}
