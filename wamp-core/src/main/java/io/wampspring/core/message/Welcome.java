package io.wampspring.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.id.Ids;
import org.jspecify.annotations.Nullable;

/**
 * WELCOME (2): Sent by a router when a session is open.
 *
 * @param session the session id the router assigned
 * @param details router roles and features, authid, authrole, authmethod
 */
public record Welcome(long session, Map<String, Object> details) implements WampMessage {

	/**
	 * Validate and normalize: null dictionaries and payloads become empty, ids are
	 * checked.
	 * @param session the session id the router assigned
	 * @param details router roles and features, authid, authrole, authmethod
	 */
	public Welcome {
		Ids.check(session, "session");
		details = PayloadCopies.dict(details);
	}

	@Override
	public int type() {
		return WampMessageType.WELCOME;
	}

	@Override
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(3);
		list.add(WampMessageType.WELCOME);
		list.add(session);
		list.add(details);
		return list;
	}

}
