package io.wampspring.router.realm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.EventHistory;
import org.jspecify.annotations.Nullable;

/**
 * The session, registration and subscription meta API of a realm: meta procedures
 * answered by the router and meta events published by it.
 */
final class MetaApi {

	/** The error of {@code wamp.subscription.get_events} for a topic without history. */
	static final String HISTORY_UNAVAILABLE = "wamp.error.history_unavailable";

	/** How many events {@code wamp.subscription.get_events} returns without a limit. */
	private static final int DEFAULT_EVENTS = 10;

	private final Realm realm;

	MetaApi(Realm realm) {
		this.realm = realm;
		realm.addInternal("wamp.session.count", (caller, args, kwargs) -> List.of((long) sessions(args).size()));
		realm.addInternal("wamp.session.list",
				(caller, args, kwargs) -> List.of(sessions(args).stream().map(RouterSession::id).toList()));
		realm.addInternal("wamp.session.get", (caller, args, kwargs) -> List.of(details(session(args))));
		realm.addInternal("wamp.session.kill", this::kill);
		realm.addInternal("wamp.session.kill_by_authid", (caller, args, kwargs) -> {
			String authid = stringArg(args, "authid");
			return List.of(killAll(caller, kwargs, (who) -> who.authid().equals(authid)));
		});
		realm.addInternal("wamp.session.kill_by_authrole", (caller, args, kwargs) -> {
			String authrole = stringArg(args, "authrole");
			return List.of((long) killAll(caller, kwargs, (who) -> who.authrole().equals(authrole)).size());
		});
		realm.addInternal("wamp.session.kill_all",
				(caller, args, kwargs) -> List.of((long) killAll(caller, kwargs, (who) -> true).size()));
		realm.addInternal("wamp.registration.list", (caller, args, kwargs) -> List.of(list(realm.dealer.index)));
		realm.addInternal("wamp.registration.lookup",
				(caller, args, kwargs) -> single(lookup(realm.dealer.index, args)));
		realm.addInternal("wamp.registration.match", (caller, args, kwargs) -> {
			Registration found = realm.dealer.index.best(uriArg(args));
			return single((found != null) ? found.id() : null);
		});
		realm.addInternal("wamp.registration.get",
				(caller, args, kwargs) -> List.of(registrationDetails(registration(args))));
		realm.addInternal("wamp.registration.list_callees", (caller, args, kwargs) -> List
			.of(Arrays.stream(registration(args).callees).map((c) -> c.session().id()).toList()));
		realm.addInternal("wamp.registration.count_callees",
				(caller, args, kwargs) -> List.of((long) registration(args).callees.length));
		realm.addInternal("wamp.subscription.list", (caller, args, kwargs) -> List.of(list(realm.broker.index)));
		realm.addInternal("wamp.subscription.lookup",
				(caller, args, kwargs) -> single(lookup(realm.broker.index, args)));
		realm.addInternal("wamp.subscription.match", (caller, args, kwargs) -> {
			List<Long> ids = new ArrayList<>();
			realm.broker.index.forEachMatch(uriArg(args), (s) -> ids.add(s.id()));
			return single(ids.isEmpty() ? null : ids);
		});
		realm.addInternal("wamp.subscription.get",
				(caller, args, kwargs) -> List.of(subscriptionDetails(subscription(args))));
		realm.addInternal("wamp.subscription.list_subscribers", (caller, args, kwargs) -> List
			.of(Arrays.stream(subscription(args).subscribers).map(RouterSession::id).toList()));
		realm.addInternal("wamp.subscription.get_events", this::getEvents);
		realm.addInternal("wamp.subscription.count_subscribers",
				(caller, args, kwargs) -> List.of((long) subscription(args).subscribers.length));
	}

	// Events

	void sessionJoined(RouterSession session) {
		publish("wamp.session.on_join", details(session));
	}

	void sessionLeft(RouterSession session) {
		SessionIdentity who = session.identity();
		if (who != null) {
			this.realm.broker.publishInternal("wamp.session.on_leave",
					List.of(who.session(), who.authid(), who.authrole()), Map.of());
		}
	}

	void registrationCreated(RouterSession session, Registration registration) {
		publish("wamp.registration.on_create", session.id(), registrationDetails(registration));
	}

	void registrationAdded(RouterSession session, Registration registration) {
		publish("wamp.registration.on_register", session.id(), registration.id());
	}

	void registrationRemoved(@Nullable RouterSession session, Registration registration, boolean deleted) {
		publish(deleted ? "wamp.registration.on_delete" : "wamp.registration.on_unregister",
				(session != null) ? session.id() : null, registration.id());
	}

	void subscriptionCreated(RouterSession session, Subscription subscription) {
		if (isMeta(subscription)) {
			return;
		}
		publish("wamp.subscription.on_create", session.id(), subscriptionDetails(subscription));
	}

	void subscriptionAdded(RouterSession session, Subscription subscription) {
		if (isMeta(subscription)) {
			return;
		}
		publish("wamp.subscription.on_subscribe", session.id(), subscription.id());
	}

	void subscriptionRemoved(RouterSession session, Subscription subscription, boolean deleted) {
		if (isMeta(subscription)) {
			return;
		}
		publish(deleted ? "wamp.subscription.on_delete" : "wamp.subscription.on_unsubscribe", session.id(),
				subscription.id());
	}

	/**
	 * Subscriptions to meta topics do not raise meta events themselves (no feedback
	 * noise).
	 */
	private static boolean isMeta(Subscription subscription) {
		return subscription.uri().startsWith("wamp.");
	}

	private void publish(String topic, @Nullable Object... args) {
		this.realm.broker.publishInternal(topic, Arrays.asList(args), Map.of());
	}

	// Procedures

	private List<@Nullable Object> kill(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		RouterSession target = session(args);
		if (target == caller) {
			throw new WampException(WampUris.NO_SUCH_SESSION, "a session cannot kill itself; use GOODBYE");
		}
		Object reason = kwargs.get("reason");
		Object message = kwargs.get("message");
		target.goodbye((reason instanceof String r) ? r : WampUris.CLOSE_KILLED,
				(message instanceof String m) ? m : "killed by session " + caller.id());
		return List.of();
	}

	/**
	 * {@code wamp.subscription.get_events(subscription_id, limit=10)}: the last events of
	 * the history kept for the subscription's URI and match, newest first, as Crossbar.io
	 * answers. The caller must be allowed to subscribe to the subscription's URI.
	 */
	private List<@Nullable Object> getEvents(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		Subscription subscription = subscription(args);
		Object rawLimit = (args.size() > 1) ? args.get(1) : kwargs.get("limit");
		int limit = DEFAULT_EVENTS;
		if (rawLimit != null) {
			if (!(rawLimit instanceof Number number) || number.longValue() < 1) {
				throw new WampException(WampUris.INVALID_ARGUMENT,
						"the limit must be a positive whole number, got " + rawLimit);
			}
			limit = (int) Math.min(number.longValue(), EventHistory.MAX_LIMIT);
		}
		if (!caller.authorize(Action.SUBSCRIBE, subscription.uri()).allowed()) {
			throw new WampException(WampUris.NOT_AUTHORIZED,
					"session is not authorized to read the events of '" + subscription.uri() + "'");
		}
		List<Map<String, @Nullable Object>> events = this.realm.broker.history.events(subscription.uri(),
				subscription.match(), limit);
		if (events == null) {
			throw new WampException(HISTORY_UNAVAILABLE, "no event history is kept for '" + subscription.uri()
					+ "' (match " + subscription.match().wireName() + "); configure it in the realm's event-history");
		}
		return single(events);
	}

	/** Kill every other session whose identity matches; the killed session ids. */
	private List<Long> killAll(RouterSession caller, Map<String, @Nullable Object> kwargs,
			java.util.function.Predicate<SessionIdentity> filter) {
		Object reason = kwargs.get("reason");
		Object message = kwargs.get("message");
		List<Long> killed = new ArrayList<>();
		for (RouterSession session : this.realm.sessions()) {
			SessionIdentity who = session.identity();
			if (session != caller && who != null && filter.test(who)) {
				session.goodbye((reason instanceof String r) ? r : WampUris.CLOSE_KILLED,
						(message instanceof String m) ? m : "killed by session " + caller.id());
				killed.add(session.id());
			}
		}
		return killed;
	}

	private static String stringArg(List<@Nullable Object> args, String what) {
		if (args.isEmpty() || !(args.get(0) instanceof String value)) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected the " + what + " as the first argument");
		}
		return value;
	}

	private List<RouterSession> sessions(List<@Nullable Object> args) {
		List<RouterSession> all = this.realm.sessions();
		if (!args.isEmpty() && args.get(0) instanceof List<?> roles) {
			return all.stream().filter((s) -> s.identity() != null && roles.contains(s.identity().authrole())).toList();
		}
		return all;
	}

	private RouterSession session(List<@Nullable Object> args) {
		long id = idArg(args, "session id");
		RouterSession session = this.realm.session(id);
		if (session == null) {
			throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + id + " on this realm");
		}
		return session;
	}

	private Registration registration(List<@Nullable Object> args) {
		long id = idArg(args, "registration id");
		Registration registration = this.realm.dealer.index.byId(id);
		if (registration == null) {
			throw new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + id);
		}
		return registration;
	}

	private Subscription subscription(List<@Nullable Object> args) {
		long id = idArg(args, "subscription id");
		Subscription subscription = this.realm.broker.index.byId(id);
		if (subscription == null) {
			throw new WampException(WampUris.NO_SUCH_SUBSCRIPTION, "no subscription " + id);
		}
		return subscription;
	}

	static Map<String, Object> details(RouterSession session) {
		SessionIdentity who = session.identity();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("session", session.id());
		if (who != null) {
			details.put("authid", who.authid());
			details.put("authrole", who.authrole());
			details.put("authmethod", who.authmethod());
			details.put("authprovider", who.authprovider());
			details.put("transport", Map.of("type", who.transport()));
		}
		return details;
	}

	private static Map<String, Object> registrationDetails(Registration registration) {
		return Map.of("id", registration.id(), "created", registration.created.toString(), "uri", registration.uri(),
				"match", registration.match().wireName(), "invoke", registration.invoke);
	}

	private static Map<String, Object> subscriptionDetails(Subscription subscription) {
		return Map.of("id", subscription.id(), "created", subscription.created.toString(), "uri", subscription.uri(),
				"match", subscription.match().wireName());
	}

	private static <T extends UriIndex.Entry> Map<String, Object> list(UriIndex<T> index) {
		Map<String, Object> result = new LinkedHashMap<>();
		for (MatchPolicy match : MatchPolicy.values()) {
			result.put(match.wireName(),
					index.all().stream().filter((e) -> e.match() == match).map(UriIndex.Entry::id).toList());
		}
		return result;
	}

	private static <T extends UriIndex.Entry> @Nullable Long lookup(UriIndex<T> index, List<@Nullable Object> args) {
		String uri = uriArg(args);
		MatchPolicy match = MatchPolicy.EXACT;
		if (args.size() > 1 && args.get(1) instanceof Map<?, ?> options) {
			match = MatchPolicy.fromWire(options.get("match"));
		}
		T found = index.get(uri, match);
		return (found != null) ? found.id() : null;
	}

	private static List<@Nullable Object> single(@Nullable Object value) {
		List<@Nullable Object> result = new ArrayList<>(1);
		result.add(value);
		return result;
	}

	private static String uriArg(List<@Nullable Object> args) {
		if (args.isEmpty() || !(args.get(0) instanceof String uri)) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected a URI as the first argument");
		}
		return uri;
	}

	private static long idArg(List<@Nullable Object> args, String what) {
		if (args.isEmpty() || !(args.get(0) instanceof Number id)) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected a " + what + " as the first argument");
		}
		return id.longValue();
	}

}
