package io.wampspring.router.dealer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.core.id.EndedStreams;
import io.wampspring.core.id.Ids;

/**
 * The dealer's state of one session: its registrations, the calls it made as caller and
 * the invocations it was sent as callee. Each session holds one; only the dealer reads
 * it. Internal to the embedded router; not an API.
 */
public final class SessionCalls {

	/** The calls this session made, by CALL request id. */
	final ConcurrentHashMap<Long, PendingCall> asCaller = new ConcurrentHashMap<>();

	/** The calls this session is to answer, by INVOCATION request id. */
	final ConcurrentHashMap<Long, PendingCall> asCallee = new ConcurrentHashMap<>();

	final Set<Registration> registrations = ConcurrentHashMap.newKeySet();

	/** Progressive calls of this caller that ended before their final chunk. */
	final EndedStreams endedStreams = new EndedStreams(1024);

	private final AtomicLong invocationIds = new AtomicLong();

	/**
	 * Empty state, for a new session.
	 */
	public SessionCalls() {
	}

	long nextInvocationId() {
		return this.invocationIds.updateAndGet((previous) -> (previous >= Ids.MAX) ? 1 : previous + 1);
	}

}
