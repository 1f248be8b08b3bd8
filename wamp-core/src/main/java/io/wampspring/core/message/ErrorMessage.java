package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * ERROR (8): The error answer to a request (CALL, REGISTER, SUBSCRIBE, ...) or an
 * INVOCATION.
 *
 * @param requestType the type code of the request that failed
 * @param requestId the request id of that request
 * @param details error details
 * @param error the error URI
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record ErrorMessage(int requestType, long requestId, Map<String, Object> details, String error,
		List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) implements WampMessage, PayloadMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestType the type code of the request that failed
	 * @param requestId the request id of that request
	 * @param details error details
	 * @param error the error URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public ErrorMessage {
		Ids.check(requestId, "requestId");
		details = PayloadCopies.dict(details);
		Objects.requireNonNull(error, "error");
		args = PayloadCopies.args(args);
		kwargs = PayloadCopies.kwargs(kwargs);
	}

	/**
	 * Create a ERROR message without arguments.
	 * @param requestType the type code of the request that failed
	 * @param requestId the request id of that request
	 * @param details error details
	 * @param error the error URI
	 */
	public ErrorMessage(int requestType, long requestId, Map<String, Object> details, String error) {
		this(requestType, requestId, details, error, List.of(), Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.ERROR;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(7);
		list.add(WampMessageType.ERROR);
		list.add(requestType);
		list.add(requestId);
		list.add(details);
		list.add(error);
		PayloadCopies.addPayload(list, this.args, this.kwargs);
		return list;
	}

}
