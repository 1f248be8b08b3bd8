package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * CANCEL (49): Cancels a pending call.
 *
 * @param requestId the CALL request id
 * @param options cancel options (mode: skip, kill, killnowait)
 */
public record Cancel(long requestId, Map<String, Object> options) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the CALL request id
	 * @param options cancel options (mode: skip, kill, killnowait)
	 */
	public Cancel {
		Ids.check(requestId, "requestId");
		options = PayloadCopies.dict(options);
	}

	@Override
	public int type() {
		return WampMessageType.CANCEL;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.CANCEL);
		list.add(requestId);
		list.add(options);
		return list;
	}

}
