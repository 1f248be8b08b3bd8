package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * INVOCATION (68): Asks a callee to run a registered procedure.
 *
 * @param requestId the invocation request id
 * @param registration the registration id
 * @param details invocation details (caller, procedure, receive_progress, timeout)
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record Invocation(long requestId, long registration, Map<String, Object> details, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the invocation request id
	 * @param registration the registration id
	 * @param details invocation details (caller, procedure, receive_progress, timeout)
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public Invocation {
		Ids.check(requestId, "requestId");
		Ids.check(registration, "registration");
		details = PayloadCopies.dict(details);
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a INVOCATION message without arguments.
	 * @param requestId the invocation request id
	 * @param registration the registration id
	 * @param details invocation details (caller, procedure, receive_progress, timeout)
	 */
	public Invocation(long requestId, long registration, Map<String, Object> details) {
		this(requestId, registration, details, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.INVOCATION;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(6);
		list.add(WampMessageType.INVOCATION);
		list.add(requestId);
		list.add(registration);
		list.add(details);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
