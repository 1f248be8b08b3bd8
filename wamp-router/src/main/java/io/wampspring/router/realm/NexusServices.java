package io.wampspring.router.realm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.SessionIdentity;
import org.jspecify.annotations.Nullable;

/**
 * The services that Zaber's Nexus router offers and izaber clients call, under a configurable
 * prefix: {@code auth.whoami}; {@code system.roster.register/query/unregister} (an entry
 * lives as long as its session, and is visible to the roles in its visibility list, {@code *}
 * for all); {@code my.metadata.set/get/list/delete} (per authid, in memory). Every joined
 * session may call them: they only act on the caller's own data.
 */
final class NexusServices {

	private record RosterEntry(@Nullable Object data, List<String> visibility) {
	}

	private final Map<String, Map<Long, RosterEntry>> rosters = new ConcurrentHashMap<>();

	private final Map<String, Map<String, @Nullable Object>> metadata = new ConcurrentHashMap<>();

	private final String prefix;

	NexusServices(Realm realm, String prefix) {
		this.prefix = prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
		realm.addInternal(uri("auth.whoami"), (caller, args, kwargs) -> List.of(whoami(caller)));
		realm.addInternal(uri("system.roster.register"), this::rosterRegister);
		realm.addInternal(uri("system.roster.query"), this::rosterQuery);
		realm.addInternal(uri("system.roster.unregister"), (caller, args, kwargs) -> {
			Map<Long, RosterEntry> roster = this.rosters.get(stringArg(args, 0, "roster name"));
			boolean removed = roster != null && roster.remove(caller.id()) != null;
			return List.of(removed);
		});
		realm.addInternal(uri("my.metadata.set"), (caller, args, kwargs) -> {
			String key = stringArg(args, 0, "metadata key");
			Object value = (args.size() > 1) ? args.get(1) : null;
			this.metadata.computeIfAbsent(authid(caller), (k) -> new ConcurrentHashMap<>()).put(key, value);
			return List.of(true);
		});
		realm.addInternal(uri("my.metadata.get"), (caller, args, kwargs) -> {
			Map<String, @Nullable Object> mine = this.metadata.get(authid(caller));
			List<@Nullable Object> result = new ArrayList<>(1);
			result.add((mine != null) ? mine.get(stringArg(args, 0, "metadata key")) : null);
			return result;
		});
		realm.addInternal(uri("my.metadata.list"), (caller, args, kwargs) -> {
			Map<String, @Nullable Object> mine = this.metadata.get(authid(caller));
			return List.of((mine != null) ? new LinkedHashMap<>(mine) : Map.of());
		});
		realm.addInternal(uri("my.metadata.delete"), (caller, args, kwargs) -> {
			Map<String, @Nullable Object> mine = this.metadata.get(authid(caller));
			String key = stringArg(args, 0, "metadata key");
			return List.of(mine != null && mine.containsKey(key) && (mine.remove(key) != null || true));
		});
	}

	boolean isService(String uri) {
		return uri.startsWith(this.prefix) && (uri.startsWith("auth.whoami", this.prefix.length())
				|| uri.startsWith("system.roster.", this.prefix.length())
				|| uri.startsWith("my.metadata.", this.prefix.length()));
	}

	void sessionLeft(RouterSession session) {
		for (Map<Long, RosterEntry> roster : this.rosters.values()) {
			roster.remove(session.id());
		}
	}

	private String uri(String name) {
		return this.prefix + name;
	}

	private static Map<String, Object> whoami(RouterSession caller) {
		SessionIdentity who = caller.requireIdentity();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("authid", who.authid());
		result.put("role", who.authrole());
		result.put("authrole", who.authrole());
		result.put("authmethod", who.authmethod());
		result.put("session", who.session());
		result.put("realm", who.realm());
		return result;
	}

	private List<@Nullable Object> rosterRegister(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		String name = stringArg(args, 0, "roster name");
		Object data = (args.size() > 1) ? args.get(1) : kwargs.get("data");
		Object visibility = (args.size() > 2) ? args.get(2) : kwargs.get("visibility");
		List<String> roles = new ArrayList<>();
		if (visibility == null) {
			roles.add("*");
		}
		else if (visibility instanceof List<?> list && !list.isEmpty()) {
			list.forEach((role) -> roles.add(String.valueOf(role)));
		}
		else if (visibility instanceof String role && !role.isEmpty()) {
			roles.add(role);
		}
		else {
			throw new WampException(WampUris.INVALID_ARGUMENT, "visibility must be a list of roles such as ['*']");
		}
		this.rosters.computeIfAbsent(name, (k) -> new ConcurrentHashMap<>())
			.put(caller.id(), new RosterEntry(data, List.copyOf(roles)));
		return List.of(true);
	}

	private List<@Nullable Object> rosterQuery(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		String role = caller.requireIdentity().authrole();
		Map<Long, RosterEntry> roster = this.rosters.get(stringArg(args, 0, "roster name"));
		List<@Nullable Object> visible = new ArrayList<>();
		if (roster != null) {
			for (RosterEntry entry : roster.values()) {
				if (entry.visibility().contains("*") || entry.visibility().contains(role)) {
					visible.add(entry.data());
				}
			}
		}
		return List.of(visible);
	}

	private static String authid(RouterSession caller) {
		return caller.requireIdentity().authid();
	}

	private static String stringArg(List<@Nullable Object> args, int index, String what) {
		if (args.size() <= index || !(args.get(index) instanceof String value)) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected the " + what + " as argument " + (index + 1));
		}
		return value;
	}

}
