package io.wampspring.router.realm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.NexusIds;
import org.jspecify.annotations.Nullable;

/**
 * {@code system.roster.register/query/unregister} of one realm: an entry per session and
 * roster name, alive as long as its session, visible to the roles in its visibility list
 * ({@code *} for every role; by default only the registering session's own role).
 */
final class RosterService {

	private record Entry(long session, String authid, String uuid, double created, String name, List<String> visibility,
			@Nullable Object data) {

		boolean visibleTo(String role) {
			return this.visibility.contains("*") || this.visibility.contains(role);
		}

		/** The record as Nexus returns it from {@code system.roster.register}. */
		Map<String, @Nullable Object> record() {
			Map<String, @Nullable Object> record = new LinkedHashMap<>();
			record.put("uuid", this.uuid);
			record.put("created", this.created);
			record.put("name", this.name);
			record.put("visibility", this.visibility);
			record.put("session_id", this.session);
			record.put("data", this.data);
			record.put("key", this.session + "_" + this.name);
			record.put("owner", this.authid);
			return record;
		}

	}

	private final NexusSettings settings;

	private final ConcurrentHashMap<String, ConcurrentHashMap<Long, Entry>> rosters = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, Set<String>> namesBySession = new ConcurrentHashMap<>();

	RosterService(NexusSettings settings) {
		this.settings = settings;
	}

	List<@Nullable Object> register(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		SessionIdentity who = caller.requireIdentity();
		String name = NexusServices.stringArg(args, 0, "roster name");
		Object data = (args.size() > 1) ? args.get(1) : kwargs.get("data");
		Object visibility = (args.size() > 2) ? args.get(2) : kwargs.get("visibility");
		List<String> roles = visibility(visibility, who.authrole());
		long size = PayloadSize.of(name) + PayloadSize.of(data);
		if (size > this.settings.rosterMaxEntryBytes()) {
			throw new WampException(RouterLimits.LIMIT_EXCEEDED, "the roster entry for '" + name + "' has " + size
					+ " bytes, more than the " + this.settings.rosterMaxEntryBytes() + " allowed");
		}
		this.namesBySession.compute(caller.id(), (id, names) -> {
			Set<String> mine = (names != null) ? names : new HashSet<>();
			if (!mine.contains(name) && mine.size() >= this.settings.rosterMaxEntriesPerSession()) {
				throw new WampException(RouterLimits.LIMIT_EXCEEDED, "this session is already in " + mine.size()
						+ " rosters, the most allowed; unregister from one first");
			}
			mine.add(name);
			return mine;
		});
		Entry[] stored = new Entry[1];
		// changed only inside compute, so that an emptied roster is never removed under a
		// new entry
		this.rosters.compute(name, (n, existing) -> {
			ConcurrentHashMap<Long, Entry> roster = (existing != null) ? existing : new ConcurrentHashMap<>();
			Entry previous = roster.get(caller.id());
			// registering again replaces the data and visibility, as Nexus amends its
			// entry
			stored[0] = (previous != null)
					? new Entry(caller.id(), who.authid(), previous.uuid(), previous.created(), name, roles, data)
					: new Entry(caller.id(), who.authid(), NexusIds.newUuid(), System.currentTimeMillis() / 1000.0,
							name, roles, data);
			roster.put(caller.id(), stored[0]);
			return roster;
		});
		if (caller.isClosed()) {
			// the session left while registering: its cleanup may have run before this
			// entry existed
			sessionLeft(caller);
		}
		return List.of(stored[0].record());
	}

	private static List<String> visibility(@Nullable Object visibility, String ownRole) {
		if (visibility == null) {
			return List.of(ownRole);
		}
		if (visibility instanceof String role && !role.isEmpty()) {
			return List.of(role);
		}
		if (visibility instanceof List<?> list && !list.isEmpty()
				&& list.stream().allMatch((role) -> role instanceof String text && !text.isEmpty())) {
			return list.stream().map(String.class::cast).distinct().toList();
		}
		throw new WampException(WampUris.INVALID_ARGUMENT,
				"visibility must be a list of roles such as ['*'] or ['frontend', 'backend']");
	}

	List<@Nullable Object> query(RouterSession caller, List<@Nullable Object> args) {
		String role = caller.requireIdentity().authrole();
		Map<Long, Entry> roster = this.rosters.get(NexusServices.stringArg(args, 0, "roster name"));
		List<Entry> visible = new ArrayList<>();
		if (roster != null) {
			for (Entry entry : roster.values()) {
				if (entry.visibleTo(role)) {
					visible.add(entry);
				}
			}
		}
		visible.sort(Comparator.comparingDouble(Entry::created).thenComparingLong(Entry::session));
		List<@Nullable Object> data = new ArrayList<>(visible.size());
		visible.forEach((entry) -> data.add(entry.data()));
		return List.of(data);
	}

	List<@Nullable Object> unregister(RouterSession caller, List<@Nullable Object> args) {
		String name = NexusServices.stringArg(args, 0, "roster name");
		boolean[] removed = new boolean[1];
		this.rosters.computeIfPresent(name, (n, roster) -> {
			removed[0] = roster.remove(caller.id()) != null;
			return roster.isEmpty() ? null : roster;
		});
		this.namesBySession.computeIfPresent(caller.id(), (id, names) -> {
			names.remove(name);
			return names.isEmpty() ? null : names;
		});
		return List.of(removed[0]);
	}

	void sessionLeft(RouterSession session) {
		Set<String> names = this.namesBySession.remove(session.id());
		if (names == null) {
			return;
		}
		for (String name : names) {
			this.rosters.computeIfPresent(name, (n, roster) -> {
				roster.remove(session.id());
				return roster.isEmpty() ? null : roster;
			});
		}
	}

	/**
	 * The number of roster entries held now.
	 * @return the count
	 */
	int size() {
		int count = 0;
		for (Map<Long, Entry> roster : this.rosters.values()) {
			count += roster.size();
		}
		return count;
	}

}
