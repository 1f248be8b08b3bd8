package io.wampspring.router.realm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.broker.Subscription;
import io.wampspring.router.config.EventHistory;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.dealer.Registration;
import org.jspecify.annotations.Nullable;

/**
 * The session, registration and subscription meta API of a realm: meta procedures
 * answered by the router and meta events published by it, as the WAMP spec's tables
 * define them (arguments, results, errors), with Crossbar.io's additions
 * ({@code wamp.registration.remove_callee}, {@code wamp.subscription.remove_subscriber})
 * and the testament meta API ({@code wamp.session.add_testament},
 * {@code wamp.session.flush_testaments}). {@code wamp.registration.remove} and
 * {@code wamp.subscription.remove} revoke a registration or subscription for all its
 * sessions at once.
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
		// the bulk kills answer the number of sessions closed (the spec's session meta
		// API)
		realm.addInternal("wamp.session.kill_by_authid", (caller, args, kwargs) -> {
			String authid = stringArg(args, "authid");
			return List.of((long) killAll(caller, kwargs, (who) -> who.authid().equals(authid)).size());
		});
		realm.addInternal("wamp.session.kill_by_authrole", (caller, args, kwargs) -> {
			String authrole = stringArg(args, "authrole");
			return List.of((long) killAll(caller, kwargs, (who) -> who.authrole().equals(authrole)).size());
		});
		realm.addInternal("wamp.session.kill_all",
				(caller, args, kwargs) -> List.of((long) killAll(caller, kwargs, (who) -> true).size()));
		realm.addInternal("wamp.session.add_testament", this::addTestament);
		realm.addInternal("wamp.session.flush_testaments", (caller, args, kwargs) -> {
			caller.testaments.flush(scope(kwargs));
			return List.of();
		});
		realm.addInternal("wamp.registration.list",
				(caller, args, kwargs) -> List.of(list(realm.dealer.registrations())));
		realm.addInternal("wamp.registration.lookup",
				(caller, args, kwargs) -> single(lookup(realm.dealer.registrations(), args)));
		realm.addInternal("wamp.registration.match", (caller, args, kwargs) -> {
			Registration found = realm.dealer.registrations().best(uriArg(args));
			return single((found != null) ? found.id() : null);
		});
		realm.addInternal("wamp.registration.get",
				(caller, args, kwargs) -> List.of(registrationDetails(registration(args))));
		realm.addInternal("wamp.registration.list_callees", (caller, args, kwargs) -> List
			.of(registration(args).calleeSessions().stream().map(RouterSession::id).toList()));
		realm.addInternal("wamp.registration.count_callees",
				(caller, args, kwargs) -> List.of((long) registration(args).calleeSessions().size()));
		realm.addInternal("wamp.registration.remove", (caller, args, kwargs) -> {
			Registration registration = registration(args);
			realm.dealer.revoke(registration, null, reason(args, 1, kwargs));
			return List.of();
		});
		realm.addInternal("wamp.registration.remove_callee", (caller, args, kwargs) -> {
			Registration registration = registration(args);
			RouterSession callee = sessionAt(args, 1, "callee session id");
			if (!registration.calleeSessions().contains(callee)) {
				throw new WampException(WampUris.NO_SUCH_REGISTRATION,
						"session " + callee.id() + " is not a callee of registration " + registration.id());
			}
			realm.dealer.revoke(registration, callee, reason(args, 2, kwargs));
			return List.of();
		});
		realm.addInternal("wamp.subscription.remove", (caller, args, kwargs) -> {
			Subscription subscription = subscription(args);
			realm.broker.revoke(subscription, null, reason(args, 1, kwargs));
			return List.of();
		});
		realm.addInternal("wamp.subscription.remove_subscriber", (caller, args, kwargs) -> {
			Subscription subscription = subscription(args);
			RouterSession subscriber = sessionAt(args, 1, "subscriber session id");
			if (!subscription.subscriberSessions().contains(subscriber)) {
				throw new WampException(WampUris.NO_SUCH_SUBSCRIPTION,
						"session " + subscriber.id() + " is not a subscriber of subscription " + subscription.id());
			}
			realm.broker.revoke(subscription, subscriber, reason(args, 2, kwargs));
			return List.of();
		});
		realm.addInternal("wamp.subscription.list",
				(caller, args, kwargs) -> List.of(list(realm.broker.subscriptions())));
		realm.addInternal("wamp.subscription.lookup",
				(caller, args, kwargs) -> single(lookup(realm.broker.subscriptions(), args)));
		realm.addInternal("wamp.subscription.match", (caller, args, kwargs) -> {
			List<Long> ids = new ArrayList<>();
			realm.broker.subscriptions().forEachMatch(uriArg(args), (s) -> ids.add(s.id()));
			return single(ids.isEmpty() ? null : ids);
		});
		realm.addInternal("wamp.subscription.get",
				(caller, args, kwargs) -> List.of(subscriptionDetails(subscription(args))));
		realm.addInternal("wamp.subscription.list_subscribers", (caller, args, kwargs) -> List
			.of(subscription(args).subscriberSessions().stream().map(RouterSession::id).toList()));
		realm.addInternal("wamp.subscription.get_events", this::getEvents);
		realm.addInternal("wamp.subscription.count_subscribers",
				(caller, args, kwargs) -> List.of((long) subscription(args).subscriberSessions().size()));
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
			// the spec: no *other* session with that id exists
			throw new WampException(WampUris.NO_SUCH_SESSION,
					"no other session " + target.id() + " on this realm (a session cannot kill itself; send GOODBYE)");
		}
		target.goodbye(closeReason(kwargs), closeMessage(kwargs));
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
		List<Map<String, @Nullable Object>> events = this.realm.broker.events(subscription.uri(), subscription.match(),
				limit);
		if (events == null) {
			throw new WampException(HISTORY_UNAVAILABLE, "no event history is kept for '" + subscription.uri()
					+ "' (match " + subscription.match().wireName() + "); configure it in the realm's event-history");
		}
		return single(events);
	}

	/** Kill every other session whose identity matches; the killed session ids. */
	private List<Long> killAll(RouterSession caller, Map<String, @Nullable Object> kwargs,
			Predicate<SessionIdentity> filter) {
		String reason = closeReason(kwargs);
		String message = closeMessage(kwargs);
		List<Long> killed = new ArrayList<>();
		for (RouterSession session : this.realm.sessions()) {
			SessionIdentity who = session.identity();
			if (session != caller && who != null && filter.test(who)) {
				session.goodbye(reason, message);
				killed.add(session.id());
			}
		}
		return killed;
	}

	/**
	 * The GOODBYE reason of a kill: {@code wamp.close.normal}, as the spec says, unless
	 * the caller gave a valid URI.
	 */
	private String closeReason(Map<String, @Nullable Object> kwargs) {
		Object reason = kwargs.get("reason");
		if (reason == null) {
			return WampUris.CLOSE_NORMAL;
		}
		if (!(reason instanceof String uri) || uri.isEmpty() || !this.realm.uris().isValid(uri)) {
			throw new WampException(WampUris.INVALID_URI,
					"'reason' must be a valid non-empty URI, got '" + reason + "'");
		}
		return uri;
	}

	/** The GOODBYE message of a kill: none unless the caller gave one. */
	private static @Nullable String closeMessage(Map<String, @Nullable Object> kwargs) {
		Object message = kwargs.get("message");
		return (message != null) ? String.valueOf(message) : null;
	}

	/** The reason of a revocation: a positional argument or the keyword 'reason'. */
	private static @Nullable String reason(List<@Nullable Object> args, int position,
			Map<String, @Nullable Object> kwargs) {
		Object reason = (args.size() > position) ? args.get(position) : kwargs.get("reason");
		return (reason != null) ? String.valueOf(reason) : null;
	}

	private List<@Nullable Object> addTestament(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		String topic = uriArg(args);
		if (!this.realm.uris().isValid(topic) || topic.startsWith("wamp.")) {
			throw new WampException(WampUris.INVALID_URI, "invalid testament topic '" + topic + "'");
		}
		List<@Nullable Object> eventArgs = new ArrayList<>();
		if (args.size() > 1 && args.get(1) != null) {
			if (!(args.get(1) instanceof List<?> list)) {
				throw new WampException(WampUris.INVALID_ARGUMENT,
						"expected the event's positional arguments (a list) as the second argument");
			}
			eventArgs.addAll(list);
		}
		Map<String, @Nullable Object> eventKwargs = new LinkedHashMap<>();
		if (args.size() > 2 && args.get(2) != null) {
			if (!(args.get(2) instanceof Map<?, ?> map)) {
				throw new WampException(WampUris.INVALID_ARGUMENT,
						"expected the event's keyword arguments (a dictionary) as the third argument");
			}
			map.forEach((key, value) -> eventKwargs.put(String.valueOf(key), value));
		}
		Map<String, Object> options = new LinkedHashMap<>();
		Object publishOptions = kwargs.get("publish_options");
		if (publishOptions instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (value != null) {
					options.put(String.valueOf(key), value);
				}
			});
		}
		else if (publishOptions != null) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "'publish_options' must be a dictionary");
		}
		// an acknowledgement has nobody to go to, and the publisher is gone anyway
		options.remove("acknowledge");
		options.remove("exclude_me");
		String scope = scope(kwargs);
		if (!caller.authorize(Action.PUBLISH, topic).allowed()) {
			throw new WampException(WampUris.NOT_AUTHORIZED, "session is not authorized to publish to '" + topic + "'");
		}
		if (!caller.testaments.add(scope,
				new Testaments.Testament(topic, List.copyOf(eventArgs), eventKwargs, Map.copyOf(options)))) {
			throw new WampException(RouterLimits.LIMIT_EXCEEDED, "this session reached the limit of "
					+ Testaments.MAX_PER_SCOPE + " testaments in scope '" + scope + "'");
		}
		return List.of();
	}

	private static String scope(Map<String, @Nullable Object> kwargs) {
		Object scope = kwargs.get("scope");
		if (scope == null) {
			return Testaments.DESTROYED;
		}
		if (!Testaments.DESTROYED.equals(scope) && !Testaments.DETACHED.equals(scope)) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"'scope' must be 'destroyed' or 'detached', got '" + scope + "'");
		}
		return (String) scope;
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
		return sessionAt(args, 0, "session id");
	}

	private RouterSession sessionAt(List<@Nullable Object> args, int position, String what) {
		if (args.size() <= position || !(args.get(position) instanceof Number number)) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected a " + what + " as argument " + (position + 1));
		}
		long id = number.longValue();
		RouterSession session = this.realm.session(id);
		if (session == null) {
			throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + id + " on this realm");
		}
		return session;
	}

	private Registration registration(List<@Nullable Object> args) {
		long id = idArg(args, "registration id");
		Registration registration = this.realm.dealer.registrations().byId(id);
		if (registration == null) {
			throw new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + id);
		}
		return registration;
	}

	private Subscription subscription(List<@Nullable Object> args) {
		long id = idArg(args, "subscription id");
		Subscription subscription = this.realm.broker.subscriptions().byId(id);
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
		return Map.of("id", registration.id(), "created", registration.created().toString(), "uri", registration.uri(),
				"match", registration.match().wireName(), "invoke", registration.invoke());
	}

	private static Map<String, Object> subscriptionDetails(Subscription subscription) {
		return Map.of("id", subscription.id(), "created", subscription.created().toString(), "uri", subscription.uri(),
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
