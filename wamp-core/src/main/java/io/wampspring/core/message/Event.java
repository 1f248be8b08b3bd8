package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * EVENT (36): Delivers a publication to a subscriber.
 *
 * @param subscription the subscription id
 * @param publication the publication id
 * @param details event details (publisher, topic for pattern subscriptions)
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record Event(long subscription, long publication, Map<String, Object> details, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param subscription the subscription id
	 * @param publication the publication id
	 * @param details event details (publisher, topic for pattern subscriptions)
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public Event {
		Ids.check(subscription, "subscription");
		Ids.check(publication, "publication");
		details = PayloadCopies.dict(details);
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a EVENT message without arguments.
	 * @param subscription the subscription id
	 * @param publication the publication id
	 * @param details event details (publisher, topic for pattern subscriptions)
	 */
	public Event(long subscription, long publication, Map<String, Object> details) {
		this(subscription, publication, details, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.EVENT;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(6);
		list.add(WampMessageType.EVENT);
		list.add(subscription);
		list.add(publication);
		list.add(details);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
