package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * ABORT (3): Ends a session that is being opened, or ends one after a protocol violation.
 *
 * @param details details, usually a readable {@code message}
 * @param reason the reason URI
 */
public record Abort(Map<String, Object> details, String reason) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param details details, usually a readable {@code message}
	 * @param reason the reason URI
	 */
	public Abort {
		details = PayloadCopies.dict(details);
		Objects.requireNonNull(reason, "reason");
	}

	@Override
	public int type() {
		return WampMessageType.ABORT;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.ABORT);
		list.add(details);
		list.add(reason);
		return list;
	}

}
