package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * UNREGISTER (66): Removes a registration.
 *
 * @param requestId the request id
 * @param registration the registration id
 */
public record Unregister(long requestId, long registration) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param registration the registration id
	 */
	public Unregister {
		Ids.check(requestId, "requestId");
		Ids.check(registration, "registration");
	}

	@Override
	public int type() {
		return WampMessageType.UNREGISTER;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.UNREGISTER);
		list.add(requestId);
		list.add(registration);
		return list;
	}

}
