package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * CALL (48): Calls a procedure.
 *
 * @param requestId the request id
 * @param options call options (timeout, receive_progress, disclose_me)
 * @param procedure the procedure URI
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record Call(long requestId, Map<String, Object> options, String procedure, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the request id
	 * @param options call options (timeout, receive_progress, disclose_me)
	 * @param procedure the procedure URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public Call {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
		Objects.requireNonNull(procedure, "procedure");
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a CALL message without arguments.
	 * @param requestId the request id
	 * @param options call options (timeout, receive_progress, disclose_me)
	 * @param procedure the procedure URI
	 */
	public Call(long requestId, Map<String, Object> options, String procedure) {
		this(requestId, options, procedure, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.CALL;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(6);
		list.add(WampMessageType.CALL);
		list.add(requestId);
		list.add(options);
		list.add(procedure);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
