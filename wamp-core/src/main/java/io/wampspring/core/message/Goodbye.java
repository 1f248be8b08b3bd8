package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * GOODBYE (6): Closes a session; answered by the other side with its own GOODBYE.
 *
 * @param details details, usually a readable {@code message}
 * @param reason the close reason URI
 */
public record Goodbye(Map<String, Object> details, String reason) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param details details, usually a readable {@code message}
	 * @param reason the close reason URI
	 */
	public Goodbye {
		details = PayloadCopies.dict(details);
		Objects.requireNonNull(reason, "reason");
	}

	@Override
	public int type() {
		return WampMessageType.GOODBYE;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.GOODBYE);
		list.add(details);
		list.add(reason);
		return list;
	}

}
