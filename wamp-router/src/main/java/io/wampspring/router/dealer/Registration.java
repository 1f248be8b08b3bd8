package io.wampspring.router.dealer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.realm.RouterSession;
import io.wampspring.router.realm.UriIndex;
import org.jspecify.annotations.Nullable;

/**
 * A procedure registration: one id per (URI, match), shared by its callees under one
 * invoke policy. The callee array is replaced under the dealer's lock and read without
 * locks. Internal to the embedded router; not an API.
 */
public final class Registration extends UriIndex.Entry {

	record Callee(RouterSession session, boolean discloseCaller) {
	}

	private static final Callee[] NONE = new Callee[0];

	final String invoke;

	volatile Callee[] callees = NONE;

	private final AtomicInteger next = new AtomicInteger();

	Registration(long id, String uri, MatchPolicy match, String invoke) {
		super(id, uri, match);
		this.invoke = invoke;
	}

	/**
	 * The invoke policy its callees agreed on.
	 * @return single, roundrobin, random, first or last
	 */
	public String invoke() {
		return this.invoke;
	}

	/**
	 * The callees' sessions, in the order they registered.
	 * @return a snapshot
	 */
	public List<RouterSession> calleeSessions() {
		List<RouterSession> sessions = new ArrayList<>(this.callees.length);
		for (Callee callee : this.callees) {
			sessions.add(callee.session());
		}
		return sessions;
	}

	/** Choose the callee of the next invocation by the invoke policy. */
	@Nullable Callee pick() {
		Callee[] all = this.callees;
		int n = all.length;
		if (n == 0) {
			return null;
		}
		if (n == 1) {
			return all[0];
		}
		return switch (this.invoke) {
			case "last" -> all[n - 1];
			case "roundrobin" -> all[Math.floorMod(this.next.getAndIncrement(), n)];
			case "random" -> all[ThreadLocalRandom.current().nextInt(n)];
			default -> all[0];
		};
	}

	void addCallee(Callee callee) {
		Callee[] old = this.callees;
		Callee[] copy = new Callee[old.length + 1];
		System.arraycopy(old, 0, copy, 0, old.length);
		copy[old.length] = callee;
		this.callees = copy;
	}

	boolean removeCallee(RouterSession session) {
		List<Callee> kept = new ArrayList<>();
		boolean removed = false;
		for (Callee callee : this.callees) {
			if (callee.session() == session) {
				removed = true;
			}
			else {
				kept.add(callee);
			}
		}
		this.callees = kept.toArray(NONE);
		return removed;
	}

	boolean hasCallee(RouterSession session) {
		for (Callee callee : this.callees) {
			if (callee.session() == session) {
				return true;
			}
		}
		return false;
	}

}
