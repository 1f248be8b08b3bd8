package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * REGISTER (64): Registers a procedure or procedure pattern.
 *
 * @param requestId the request id
 * @param options registration options (match, invoke, disclose_caller, force_reregister)
 * @param procedure the procedure URI or pattern
 */
public record Register(long requestId, Map<String, Object> options, String procedure) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param options registration options (match, invoke, disclose_caller,
	 * force_reregister)
	 * @param procedure the procedure URI or pattern
	 */
	public Register {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
		Objects.requireNonNull(procedure, "procedure");
	}

	@Override
	public int type() {
		return WampMessageType.REGISTER;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(4);
		list.add(WampMessageType.REGISTER);
		list.add(requestId);
		list.add(options);
		list.add(procedure);
		return list;
	}

}
