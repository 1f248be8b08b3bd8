package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * INTERRUPT (69): Asks a callee to stop a running invocation.
 *
 * @param requestId the INVOCATION request id
 * @param options interrupt options (mode, reason)
 */
public record Interrupt(long requestId, Map<String, Object> options) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the INVOCATION request id
	 * @param options interrupt options (mode, reason)
	 */
	public Interrupt {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
	}

	@Override
	public int type() {
		return WampMessageType.INTERRUPT;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.INTERRUPT);
		list.add(requestId);
		list.add(options);
		return list;
	}

}
