package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBE (32): Subscribes to a topic or topic pattern.
 *
 * @param requestId the request id
 * @param options subscription options (match)
 * @param topic the topic URI or pattern
 */
public record Subscribe(long requestId, Map<String, Object> options, String topic) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param options subscription options (match)
	 * @param topic the topic URI or pattern
	 */
	public Subscribe {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
		Objects.requireNonNull(topic, "topic");
	}

	@Override
	public int type() {
		return WampMessageType.SUBSCRIBE;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(4);
		list.add(WampMessageType.SUBSCRIBE);
		list.add(requestId);
		list.add(options);
		list.add(topic);
		return list;
	}

}
