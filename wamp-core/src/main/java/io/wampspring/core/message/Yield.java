package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * YIELD (70): A callee's result for an invocation; with {@code progress=true} in options,
 * one of several progressive results.
 *
 * @param requestId the INVOCATION request id
 * @param options yield options (progress)
 * @param args positional results
 * @param kwargs keyword results
 */
public record Yield(long requestId, Map<String, Object> options, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the INVOCATION request id
	 * @param options yield options (progress)
	 * @param args positional results
	 * @param kwargs keyword results
	 */
	public Yield {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a YIELD message without arguments.
	 * @param requestId the INVOCATION request id
	 * @param options yield options (progress)
	 */
	public Yield(long requestId, Map<String, Object> options) {
		this(requestId, options, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.YIELD;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(5);
		list.add(WampMessageType.YIELD);
		list.add(requestId);
		list.add(options);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
