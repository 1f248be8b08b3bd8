package io.wampspring.router.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.core.WampUris;
import io.wampspring.core.id.GlobalIdGenerator;
import io.wampspring.core.message.CustomAttributes;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterSession;
import io.wampspring.router.realm.SharedMessage;
import io.wampspring.router.realm.UnencodableMessageException;
import io.wampspring.router.realm.UriIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker of a realm: subscriptions (one id per topic and match, shared by its
 * subscribers) and event dispatch with exclusion, black/white listing, publisher
 * disclosure and trust levels; the retained event per topic (bounded per realm) and the
 * configured event histories. Dispatch reads without locks; each EVENT is encoded once
 * per codec. Internal to the embedded router; not an API.
 */
public final class Broker {

	private static final Logger logger = LoggerFactory.getLogger(Broker.class);

	private final BrokerContext context;

	private final Object lock = new Object();

	private final UriIndex<Subscription> index = new UriIndex<>();

	/** The retained event per topic; written under {@link #retainLock}. */
	private final Map<String, Retained> retained = new ConcurrentHashMap<>();

	private final Object retainLock = new Object();

	/** Whether the bound of retained topics was reported since the last change. */
	private boolean retainFullReported;

	private final EventHistoryStore history = new EventHistoryStore();

	/**
	 * A broker for one realm; call {@link #reconfigure()} before its first use.
	 * @param context what it needs from its realm
	 */
	public Broker(BrokerContext context) {
		this.context = context;
	}

	/**
	 * The subscriptions, for the subscription meta API and the metrics.
	 * @return the live index (read it; only the broker changes it)
	 */
	public UriIndex<Subscription> subscriptions() {
		return this.index;
	}

	/**
	 * The last events of the history kept for a subscription's URI and match.
	 * @param uri the subscription's URI
	 * @param match the subscription's match policy
	 * @param limit how many events at most
	 * @return newest first, or null when no history is kept for it
	 */
	public @Nullable List<Map<String, @Nullable Object>> events(String uri, MatchPolicy match, int limit) {
		return this.history.events(uri, match, limit);
	}

	/**
	 * Handle a SUBSCRIBE: validate, authorize and add the session as a subscriber,
	 * answering SUBSCRIBED (then the retained events it asked for) or ERROR.
	 * @param session the subscribing session
	 * @param subscribe the message
	 */
	public void subscribe(RouterSession session, Subscribe subscribe) {
		long requestId = subscribe.requestId();
		MatchPolicy match;
		try {
			match = MatchPolicy.fromWire(subscribe.options().get("match"));
		}
		catch (IllegalArgumentException ex) {
			session.error(WampMessageType.SUBSCRIBE, requestId, WampUris.INVALID_ARGUMENT, ex.getMessage());
			return;
		}
		String topic = subscribe.topic();
		if (!this.context.uris().isValid(topic, match)) {
			session.error(WampMessageType.SUBSCRIBE, requestId, WampUris.INVALID_URI,
					"invalid topic URI '" + topic + "' for match " + match.wireName());
			return;
		}
		if (!session.authorize(Action.SUBSCRIBE, topic).allowed()) {
			session.error(WampMessageType.SUBSCRIBE, requestId, WampUris.NOT_AUTHORIZED,
					"session is not authorized to subscribe to '" + topic + "'");
			return;
		}
		if (session.subscriptions().all.size() >= this.context.limits().maxSubscriptionsPerSession()) {
			session.error(WampMessageType.SUBSCRIBE, requestId, RouterLimits.LIMIT_EXCEEDED,
					"this session reached the limit of " + this.context.limits().maxSubscriptionsPerSession()
							+ " subscriptions");
			return;
		}
		Subscription subscription;
		boolean created = false;
		boolean added;
		synchronized (this.lock) {
			subscription = this.index.get(topic, match);
			if (subscription == null) {
				subscription = new Subscription(GlobalIdGenerator.next(), topic, match);
				this.index.add(subscription);
				created = true;
			}
			added = subscription.add(session);
			session.subscriptions().all.add(subscription);
		}
		session.send(new Subscribed(requestId, subscription.id()));
		if (Dicts.bool(subscribe.options(), "get_retained", false)) {
			sendRetained(session, subscription);
		}
		if (created) {
			this.context.subscriptionCreated(session, subscription);
		}
		if (added) {
			this.context.subscriptionAdded(session, subscription);
		}
	}

	/**
	 * Handle an UNSUBSCRIBE, answering UNSUBSCRIBED or ERROR.
	 * @param session the session
	 * @param unsubscribe the message
	 */
	public void unsubscribe(RouterSession session, Unsubscribe unsubscribe) {
		Subscription subscription = this.index.byId(unsubscribe.subscription());
		boolean removed = false;
		boolean deleted = false;
		if (subscription != null) {
			synchronized (this.lock) {
				removed = subscription.remove(session);
				if (removed && subscription.subscribers.length == 0) {
					this.index.remove(subscription);
					deleted = true;
				}
			}
		}
		if (!removed) {
			session.error(WampMessageType.UNSUBSCRIBE, unsubscribe.requestId(), WampUris.NO_SUCH_SUBSCRIPTION,
					"this session has no subscription " + unsubscribe.subscription());
			return;
		}
		session.subscriptions().all.remove(subscription);
		session.send(new Unsubscribed(unsubscribe.requestId()));
		this.context.subscriptionRemoved(session, subscription, false);
		if (deleted) {
			this.context.subscriptionRemoved(session, subscription, true);
		}
	}

	/**
	 * Revoke a subscription for some or all of its subscribers (the subscription meta
	 * API's {@code remove} procedures). A subscriber that announced
	 * {@code subscription_revocation} gets UNSUBSCRIBED with request 0, the subscription
	 * id and the reason; the others only stop receiving events.
	 * @param subscription the subscription
	 * @param only the one subscriber to remove, or null for every subscriber
	 * @param reason the reason sent to the subscribers, or null
	 * @return the sessions that were removed
	 */
	public List<RouterSession> revoke(Subscription subscription, @Nullable RouterSession only,
			@Nullable String reason) {
		List<RouterSession> removed = new ArrayList<>();
		boolean deleted = false;
		synchronized (this.lock) {
			for (RouterSession subscriber : subscription.subscribers) {
				if (only == null || subscriber == only) {
					removed.add(subscriber);
				}
			}
			for (RouterSession session : removed) {
				subscription.remove(session);
				session.subscriptions().all.remove(subscription);
			}
			if (!removed.isEmpty() && subscription.subscribers.length == 0) {
				this.index.remove(subscription);
				deleted = true;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("subscription", subscription.id());
		if (reason != null) {
			details.put("reason", reason);
		}
		for (RouterSession session : removed) {
			if (session.features().subscriberRevocation()) {
				session.send(new Unsubscribed(0, details));
			}
			this.context.subscriptionRemoved(session, subscription, false);
		}
		if (deleted) {
			this.context.subscriptionRemoved(removed.get(removed.size() - 1), subscription, true);
		}
		return removed;
	}

	/**
	 * Publish a testament of a session that is leaving the realm: as the session would
	 * have published it (its publish options, disclosure), except that acknowledgement
	 * and publisher exclusion do not apply. Its permission was checked when it was added.
	 * @param session the leaving session
	 * @param topic the testament's topic
	 * @param args its positional arguments
	 * @param kwargs its keyword arguments
	 * @param options its publish options
	 */
	public void publishTestament(RouterSession session, String topic, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs, Map<String, Object> options) {
		Filter filter;
		try {
			filter = Filter.of(options, null);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		boolean discloseMe = Dicts.bool(options, "disclose_me", false) && this.context.config().allowDiscloseMe();
		this.context.published();
		dispatch(topic, GlobalIdGenerator.next(), args, kwargs, filter, discloseMe ? session.identity() : null,
				this.context.trustlevel(session), Map.of());
	}

	/**
	 * Handle a PUBLISH: validate and authorize it, retain and record it as configured,
	 * dispatch the event, and acknowledge it when asked.
	 * @param publisher the publishing session
	 * @param publish the message
	 */
	public void publish(RouterSession publisher, Publish publish) {
		Map<String, Object> options = publish.options();
		boolean acknowledge = Dicts.bool(options, "acknowledge", false);
		long requestId = publish.requestId();
		String topic = publish.topic();
		if (!this.context.uris().isValid(topic)) {
			if (acknowledge) {
				publisher.error(WampMessageType.PUBLISH, requestId, WampUris.INVALID_URI,
						"invalid topic URI '" + topic + "'");
			}
			return;
		}
		if (topic.startsWith("wamp.")) {
			if (acknowledge) {
				publisher.error(WampMessageType.PUBLISH, requestId, WampUris.NOT_AUTHORIZED,
						"topics under 'wamp.' are published by the router only");
			}
			return;
		}
		Authorization authorization = publisher.authorize(Action.PUBLISH, topic);
		if (!authorization.allowed()) {
			if (acknowledge) {
				publisher.error(WampMessageType.PUBLISH, requestId, WampUris.NOT_AUTHORIZED,
						"session is not authorized to publish to '" + topic + "'");
			}
			return;
		}
		boolean discloseMe = Dicts.bool(options, "disclose_me", false);
		if (discloseMe && !this.context.config().allowDiscloseMe()) {
			if (acknowledge) {
				publisher.error(WampMessageType.PUBLISH, requestId, WampUris.DISCLOSE_ME_NOT_ALLOWED,
						"this realm does not allow publishers to disclose themselves");
			}
			return;
		}
		Filter filter = Filter.of(options, Dicts.bool(options, "exclude_me", true) ? publisher : null);
		long publication = GlobalIdGenerator.next();
		this.context.published();
		SessionIdentity disclosed = (discloseMe || authorization.disclose()) ? publisher.identity() : null;
		Integer trustlevel = this.context.trustlevel(publisher);
		if (Dicts.bool(options, "retain", false)) {
			retain(publisher, topic,
					new Retained(publication, publish.args(), publish.kwargs(), filter, disclosed, trustlevel));
		}
		if (!this.history.isEmpty() && (filter == null || filter.onlyExcludesPublisher())) {
			// An event with black or white lists is not kept: a later reader may not be
			// eligible.
			this.history.record(this.context.config().name(), topic, publication, publish.args(), publish.kwargs(),
					disclosed);
		}
		// implementation-specific attributes (a trace context) go on to the subscribers
		Undelivered undelivered = dispatch(topic, publication, publish.args(), publish.kwargs(), filter, disclosed,
				trustlevel, CustomAttributes.of(options));
		if (!acknowledge) {
			return;
		}
		if (undelivered.count > 0) {
			publisher.error(WampMessageType.PUBLISH, requestId, WampUris.INVALID_ARGUMENT,
					"the event could not be delivered to " + undelivered.count + " subscriber(s): " + undelivered.reason
							+ "; the other subscribers received it");
			return;
		}
		publisher.send(new Published(requestId, publication));
	}

	/**
	 * Publish an event from the router itself (meta events).
	 * @param topic the topic
	 * @param args the event's positional arguments
	 * @param kwargs the event's keyword arguments
	 */
	public void publishInternal(String topic, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		dispatch(topic, GlobalIdGenerator.next(), args, kwargs, null, null, null, Map.of());
	}

	// Retention

	/**
	 * Keep a publication as its topic's retained event when the publisher's role may
	 * retain there and the realm's bound allows; otherwise the event is only delivered,
	 * as the specification allows a broker to decline retention.
	 */
	private void retain(RouterSession publisher, String topic, Retained event) {
		if (!publisher.authorize(Action.RETAIN, topic).allowed()) {
			return;
		}
		int max = this.context.config().maxRetainedTopics();
		synchronized (this.retainLock) {
			if (!this.retained.containsKey(topic) && this.retained.size() >= max) {
				if (!this.retainFullReported) {
					this.retainFullReported = true;
					logger.warn(
							"Realm '{}' holds retained events for {} topics (maxRetainedTopics); "
									+ "retained publications on further topics are delivered but not retained",
							this.context.config().name(), max);
				}
				return;
			}
			this.retained.put(topic, event);
		}
	}

	/**
	 * Deliver the retained events a new subscription matches (one for an exact topic, any
	 * number for a pattern) that the subscriber would have been eligible for.
	 */
	private void sendRetained(RouterSession session, Subscription subscription) {
		boolean pattern = subscription.match() != MatchPolicy.EXACT;
		if (!pattern) {
			Retained event = this.retained.get(subscription.uri());
			if (event != null) {
				deliverRetained(session, subscription, subscription.uri(), event, false);
			}
			return;
		}
		for (Map.Entry<String, Retained> entry : this.retained.entrySet()) {
			if (subscription.match().matches(subscription.uri(), entry.getKey())) {
				deliverRetained(session, subscription, entry.getKey(), entry.getValue(), true);
			}
		}
	}

	private void deliverRetained(RouterSession session, Subscription subscription, String topic, Retained event,
			boolean pattern) {
		if (event.filter() != null && !event.filter().eligible(session)) {
			return;
		}
		Map<String, Object> details = details(topic, pattern, event.disclosed(), event.trustlevel(), Map.of());
		details.put("retained", true);
		try {
			session.deliver(new SharedMessage(
					new Event(subscription.id(), event.publication(), details, event.args(), event.kwargs())));
			this.context.delivered(1);
		}
		catch (UnencodableMessageException ex) {
			session.undeliverable(ex);
		}
	}

	/**
	 * Take a new configuration: a lower bound of retained topics applies to new topics
	 * (the retained events kept stay until replaced); histories follow the new rules.
	 */
	public void reconfigure() {
		synchronized (this.retainLock) {
			this.retainFullReported = false;
		}
		this.history.configure(this.context.config().eventHistory());
	}

	/**
	 * The retained event of a topic.
	 *
	 * @param publication the publication id
	 * @param args the arguments
	 * @param kwargs the keyword arguments
	 * @param filter who may receive it (publisher exclusion, black/white lists), or null
	 * @param disclosed the publisher when it was disclosed
	 * @param trustlevel the publication's trust level, or null
	 */
	private record Retained(long publication, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			@Nullable Filter filter, @Nullable SessionIdentity disclosed, @Nullable Integer trustlevel) {
	}

	private static Map<String, Object> details(String topic, boolean pattern, @Nullable SessionIdentity disclosed,
			@Nullable Integer trustlevel, Map<String, Object> custom) {
		Map<String, Object> details = new HashMap<>(8);
		details.putAll(custom);
		if (pattern) {
			details.put("topic", topic);
		}
		if (disclosed != null) {
			details.put("publisher", disclosed.session());
			details.put("publisher_authid", disclosed.authid());
			details.put("publisher_authrole", disclosed.authrole());
		}
		if (trustlevel != null) {
			details.put("trustlevel", trustlevel);
		}
		return details;
	}

	// Dispatch

	private Undelivered dispatch(String topic, long publication, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs, @Nullable Filter filter, @Nullable SessionIdentity disclosed,
			@Nullable Integer trustlevel, Map<String, Object> custom) {
		Undelivered undelivered = new Undelivered();
		this.index.forEachMatch(topic, (subscription) -> {
			RouterSession[] subscribers = subscription.subscribers;
			if (subscribers.length == 0) {
				return;
			}
			boolean pattern = subscription.match() != MatchPolicy.EXACT;
			Map<String, Object> details = (!pattern && disclosed == null && trustlevel == null && custom.isEmpty())
					? Map.of() : details(topic, pattern, disclosed, trustlevel, custom);
			SharedMessage event = null;
			int delivered = 0;
			for (RouterSession subscriber : subscribers) {
				if (filter != null && !filter.eligible(subscriber)) {
					continue;
				}
				if (event == null) {
					event = new SharedMessage(new Event(subscription.id(), publication, details, args, kwargs));
				}
				try {
					subscriber.deliver(event);
					delivered++;
				}
				catch (UnencodableMessageException ex) {
					subscriber.undeliverable(ex);
					undelivered.count++;
					undelivered.reason = ex.getMessage();
				}
			}
			if (delivered > 0) {
				this.context.delivered(delivered);
			}
		});
		return undelivered;
	}

	/** Subscribers whose serializer could not encode an event, and why. */
	private static final class Undelivered {

		int count;

		@Nullable String reason;

	}

	/**
	 * A session left the realm: drop its subscriptions.
	 * @param session the session
	 */
	public void sessionLeft(RouterSession session) {
		List<Subscription> removed = new ArrayList<>(session.subscriptions().all);
		List<Subscription> deleted = new ArrayList<>();
		synchronized (this.lock) {
			for (Subscription subscription : removed) {
				subscription.remove(session);
				if (subscription.subscribers.length == 0) {
					this.index.remove(subscription);
					deleted.add(subscription);
				}
			}
		}
		session.subscriptions().all.clear();
		for (Subscription subscription : removed) {
			this.context.subscriptionRemoved(session, subscription, false);
			if (deleted.contains(subscription)) {
				this.context.subscriptionRemoved(session, subscription, true);
			}
		}
	}

	/**
	 * Who may receive a publication: publisher exclusion and black/white lists.
	 */
	private record Filter(@Nullable RouterSession excluded, @Nullable Set<Long> exclude, @Nullable Set<Long> eligible,
			@Nullable Set<String> excludeAuthid, @Nullable Set<String> eligibleAuthid,
			@Nullable Set<String> excludeAuthrole, @Nullable Set<String> eligibleAuthrole) {

		static @Nullable Filter of(Map<String, Object> options, @Nullable RouterSession excluded) {
			Set<Long> exclude = ids(options, "exclude");
			Set<Long> eligible = ids(options, "eligible");
			Set<String> excludeAuthid = strings(options, "exclude_authid");
			Set<String> eligibleAuthid = strings(options, "eligible_authid");
			Set<String> excludeAuthrole = strings(options, "exclude_authrole");
			Set<String> eligibleAuthrole = strings(options, "eligible_authrole");
			if (excluded == null && exclude == null && eligible == null && excludeAuthid == null
					&& eligibleAuthid == null && excludeAuthrole == null && eligibleAuthrole == null) {
				return null;
			}
			return new Filter(excluded, exclude, eligible, excludeAuthid, eligibleAuthid, excludeAuthrole,
					eligibleAuthrole);
		}

		/** Whether the filter only keeps the publisher from its own event. */
		boolean onlyExcludesPublisher() {
			return this.exclude == null && this.eligible == null && this.excludeAuthid == null
					&& this.eligibleAuthid == null && this.excludeAuthrole == null && this.eligibleAuthrole == null;
		}

		boolean eligible(RouterSession session) {
			if (session == this.excluded) {
				return false;
			}
			long id = session.id();
			if (this.exclude != null && this.exclude.contains(id)) {
				return false;
			}
			if (this.eligible != null && !this.eligible.contains(id)) {
				return false;
			}
			SessionIdentity who = session.identity();
			if (who == null) {
				return false;
			}
			if (this.excludeAuthid != null && this.excludeAuthid.contains(who.authid())) {
				return false;
			}
			if (this.eligibleAuthid != null && !this.eligibleAuthid.contains(who.authid())) {
				return false;
			}
			if (this.excludeAuthrole != null && this.excludeAuthrole.contains(who.authrole())) {
				return false;
			}
			return this.eligibleAuthrole == null || this.eligibleAuthrole.contains(who.authrole());
		}

		private static @Nullable Set<Long> ids(Map<String, Object> options, String key) {
			List<@Nullable Object> list = Dicts.list(options, key);
			if (list == null) {
				return null;
			}
			Set<Long> ids = new HashSet<>();
			for (Object value : list) {
				if (!(value instanceof Number number)) {
					throw new IllegalArgumentException("'" + key + "' must be a list of session ids, got " + list);
				}
				ids.add(number.longValue());
			}
			return ids;
		}

		private static @Nullable Set<String> strings(Map<String, Object> options, String key) {
			List<@Nullable Object> list = Dicts.list(options, key);
			if (list == null) {
				return null;
			}
			Set<String> values = new HashSet<>();
			for (Object value : list) {
				values.add(String.valueOf(value));
			}
			return values;
		}

	}

}
