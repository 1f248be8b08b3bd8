package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * HELLO (1): Sent by a client to open a session on a realm.
 *
 * @param realm the realm to join
 * @param details roles, features, authentication methods and extras
 */
public record Hello(String realm, Map<String, Object> details) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param realm the realm to join
	 * @param details roles, features, authentication methods and extras
	 */
	public Hello {
		Objects.requireNonNull(realm, "realm");
		details = PayloadCopies.dict(details);
	}

	@Override
	public int type() {
		return WampMessageType.HELLO;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.HELLO);
		list.add(realm);
		list.add(details);
		return list;
	}

}
