package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * PUBLISH (16): Publishes an event to a topic.
 *
 * @param requestId the request id
 * @param options publication options (acknowledge, exclude_me, eligible, exclude,
 * disclose_me)
 * @param topic the topic URI
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record Publish(long requestId, Map<String, Object> options, String topic, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param options publication options (acknowledge, exclude_me, eligible, exclude,
	 * disclose_me)
	 * @param topic the topic URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public Publish {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
		Objects.requireNonNull(topic, "topic");
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a PUBLISH message without arguments.
	 * @param requestId the request id
	 * @param options publication options (acknowledge, exclude_me, eligible, exclude,
	 * disclose_me)
	 * @param topic the topic URI
	 */
	public Publish(long requestId, Map<String, Object> options, String topic) {
		this(requestId, options, topic, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.PUBLISH;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(6);
		list.add(WampMessageType.PUBLISH);
		list.add(requestId);
		list.add(options);
		list.add(topic);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
