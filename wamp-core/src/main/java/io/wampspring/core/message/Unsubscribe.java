package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * UNSUBSCRIBE (34): Removes a subscription.
 *
 * @param requestId the request id
 * @param subscription the subscription id
 */
public record Unsubscribe(long requestId, long subscription) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param subscription the subscription id
	 */
	public Unsubscribe {
		Ids.check(requestId, "requestId");
		Ids.check(subscription, "subscription");
	}

	@Override
	public int type() {
		return WampMessageType.UNSUBSCRIBE;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.UNSUBSCRIBE);
		list.add(requestId);
		list.add(subscription);
		return list;
	}

}
