package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * CHALLENGE (4): Sent by a router to ask the client to authenticate.
 *
 * @param authMethod the authentication method the router chose
 * @param extra method-specific challenge data
 */
public record Challenge(String authMethod, Map<String, Object> extra) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param authMethod the authentication method the router chose
	 * @param extra method-specific challenge data
	 */
	public Challenge {
		Objects.requireNonNull(authMethod, "authMethod");
		extra = PayloadCopies.dict(extra);
	}

	@Override
	public int type() {
		return WampMessageType.CHALLENGE;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.CHALLENGE);
		list.add(authMethod);
		list.add(extra);
		return list;
	}

}
