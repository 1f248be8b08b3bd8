package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBED (33): Acknowledges a SUBSCRIBE.
 *
 * @param requestId the SUBSCRIBE request id
 * @param subscription the subscription id
 */
public record Subscribed(long requestId, long subscription) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the SUBSCRIBE request id
	 * @param subscription the subscription id
	 */
	public Subscribed {
		Ids.check(requestId, "requestId");
		Ids.check(subscription, "subscription");
	}

	@Override
	public int type() {
		return WampMessageType.SUBSCRIBED;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.SUBSCRIBED);
		list.add(requestId);
		list.add(subscription);
		return list;
	}

}
