package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * REGISTERED (65): Acknowledges a REGISTER.
 *
 * @param requestId the REGISTER request id
 * @param registration the registration id
 */
public record Registered(long requestId, long registration) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the REGISTER request id
	 * @param registration the registration id
	 */
	public Registered {
		Ids.check(requestId, "requestId");
		Ids.check(registration, "registration");
	}

	@Override
	public int type() {
		return WampMessageType.REGISTERED;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.REGISTERED);
		list.add(requestId);
		list.add(registration);
		return list;
	}

}
