package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * RESULT (50): The result of a call; with {@code progress=true} in details, one of
 * several progressive results.
 *
 * @param requestId the CALL request id
 * @param details result details (progress)
 * @param args positional results
 * @param kwargs keyword results
 */
public record Result(long requestId, Map<String, Object> details, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the CALL request id
	 * @param details result details (progress)
	 * @param args positional results
	 * @param kwargs keyword results
	 */
	public Result {
		Ids.check(requestId, "requestId");
		details = PayloadCopies.dict(details);
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a RESULT message without arguments.
	 * @param requestId the CALL request id
	 * @param details result details (progress)
	 */
	public Result(long requestId, Map<String, Object> details) {
		this(requestId, details, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.RESULT;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(5);
		list.add(WampMessageType.RESULT);
		list.add(requestId);
		list.add(details);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
