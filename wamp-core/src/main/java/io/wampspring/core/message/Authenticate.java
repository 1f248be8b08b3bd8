package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * AUTHENTICATE (5): The client's answer to a CHALLENGE.
 *
 * @param signature the signature, ticket or proof
 * @param extra method-specific extra data
 */
public record Authenticate(String signature, Map<String, Object> extra) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param signature the signature, ticket or proof
	 * @param extra method-specific extra data
	 */
	public Authenticate {
		Objects.requireNonNull(signature, "signature");
		extra = PayloadCopies.dict(extra);
	}

	@Override
	public String toString() {
		// The signature is the ticket itself for ticket authentication: never print it.
		return "Authenticate[signature=******, extra=" + this.extra.keySet() + "]";
	}

	@Override
	public int type() {
		return WampMessageType.AUTHENTICATE;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.AUTHENTICATE);
		list.add(signature);
		list.add(extra);
		return list;
	}

}
