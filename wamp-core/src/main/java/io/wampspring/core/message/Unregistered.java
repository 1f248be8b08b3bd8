package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * UNREGISTERED (67): Acknowledges an UNREGISTER; with request id 0 and details, the
 * router revoked the registration.
 *
 * @param requestId the UNREGISTER request id, or 0 for a revocation
 * @param details revocation details (registration, reason); empty for a plain
 * acknowledgement
 */
public record Unregistered(long requestId, Map<String, Object> details) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the UNREGISTER request id, or 0 for a revocation
	 * @param details revocation details (registration, reason); empty for a plain
	 * acknowledgement
	 */
	public Unregistered {
		if (requestId != 0) {
			Ids.check(requestId, "requestId");
		}
		details = PayloadCopies.dict(details);
	}

	/**
	 * Create a plain acknowledgement.
	 * @param requestId the request id being acknowledged
	 */
	public Unregistered(long requestId) {
		this(requestId, Map.of());
	}

	@Override
	public int type() {
		return WampMessageType.UNREGISTERED;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.UNREGISTERED);
		list.add(requestId);
		if (!this.details.isEmpty()) {
			list.add(this.details);
		}
		return list;
	}

}
