package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * PUBLISHED (17): Acknowledges a PUBLISH that asked for acknowledgement.
 *
 * @param requestId the PUBLISH request id
 * @param publication the publication id
 */
public record Published(long requestId, long publication) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param requestId the PUBLISH request id
	 * @param publication the publication id
	 */
	public Published {
		Ids.check(requestId, "requestId");
		Ids.check(publication, "publication");
	}

	@Override
	public int type() {
		return WampMessageType.PUBLISHED;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.PUBLISHED);
		list.add(requestId);
		list.add(publication);
		return list;
	}

}
