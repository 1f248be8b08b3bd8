package io.wampspring.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.session.ClientSession;
import io.wampspring.client.session.EventTarget;
import io.wampspring.client.session.InboundPressure;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Event;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;

/**
 * The local subscriptions that share one router subscription (same topic and options).
 * Bound and unbound only by the client's serialized commands; read by the I/O thread.
 */
final class SubscriptionGroup implements EventTarget {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionGroup.class);

	private final Key key;

	private final Scheduler scheduler;

	private final List<SubscriptionHandle> locals = new CopyOnWriteArrayList<>();

	private volatile @Nullable ClientSession session;

	private volatile long subscriptionId;

	/**
	 * The local subscriptions that take retained events: those whose SUBSCRIBE asked for
	 * them last (the router sends them right after SUBSCRIBED). Subscribe commands run
	 * one at a time, so one SUBSCRIBE of the group is in flight at most.
	 */
	private volatile List<SubscriptionHandle> retainedTargets = List.of();

	private volatile boolean revoked;

	private volatile @Nullable String revocationReason;

	SubscriptionGroup(Key key, Scheduler scheduler) {
		this.key = key;
		this.scheduler = scheduler;
	}

	Key key() {
		return this.key;
	}

	String topic() {
		return this.key.topic();
	}

	long subscriptionId(SubscriptionHandle handle) {
		ClientSession current = this.session;
		return (current != null && current.isJoined() && this.locals.contains(handle)) ? this.subscriptionId : 0;
	}

	SubscriptionHandle add(WampClient client, EventHandler handler, SubscribeOptions options) {
		SubscriptionHandle handle = new SubscriptionHandle(client, this, handler, options,
				this.scheduler.createWorker());
		this.locals.add(handle);
		return handle;
	}

	/**
	 * The SUBSCRIBE options for (re)subscribing the group: the key's, asking for the
	 * retained event when a local subscription wants it (each of those then takes the
	 * next retained event again).
	 */
	SubscribeOptions subscribeOptions() {
		List<SubscriptionHandle> asking = this.locals.stream().filter((h) -> h.options().getRetained()).toList();
		this.retainedTargets = asking;
		return asking.isEmpty() ? this.key.options() : this.key.options().withGetRetained(true);
	}

	/**
	 * A local subscription subscribes with {@code get_retained}: the retained events that
	 * answer it are its own.
	 */
	void retainedFor(SubscriptionHandle handle) {
		this.retainedTargets = List.of(handle);
	}

	/**
	 * Remove a local subscription.
	 * @return true when it was the last one
	 */
	boolean remove(SubscriptionHandle handle) {
		if (this.locals.remove(handle)) {
			handle.deactivate();
		}
		return this.locals.isEmpty();
	}

	boolean isEmpty() {
		return this.locals.isEmpty();
	}

	/**
	 * Whether the group is subscribed in a session.
	 */
	boolean isBoundTo(ClientSession target) {
		return this.session == target && target.isJoined();
	}

	void bind(ClientSession target, long id) {
		this.session = target;
		this.subscriptionId = id;
		this.revoked = false;
		this.revocationReason = null;
	}

	/**
	 * The router revoked the subscription: forget it.
	 */
	void revoke(@Nullable String reason) {
		this.session = null;
		this.subscriptionId = 0;
		this.revoked = true;
		this.revocationReason = reason;
	}

	long boundId() {
		return this.subscriptionId;
	}

	boolean isRevoked() {
		return this.revoked;
	}

	@Nullable String revocationReason() {
		return this.revocationReason;
	}

	/**
	 * Forget the router subscription.
	 * @return the id it had in the session, or 0 when it was not subscribed there
	 */
	long unbind(@Nullable ClientSession current) {
		ClientSession boundTo = this.session;
		long id = this.subscriptionId;
		this.session = null;
		this.subscriptionId = 0;
		return (current != null && boundTo == current) ? id : 0;
	}

	@Override
	public void dispatch(Event event, InboundPressure pressure) {
		String concrete = Dicts.string(event.details(), "topic");
		WampEvent wampEvent = new WampEvent((concrete != null) ? concrete : this.key.topic(), event.publication(),
				event.args(), event.kwargs(), event.details());
		// A retained event answers the last SUBSCRIBE with get_retained: only the local
		// subscriptions that asked with it take it.
		List<SubscriptionHandle> targets = wampEvent.retained() ? this.retainedTargets : this.locals;
		for (SubscriptionHandle handle : targets) {
			handle.deliver(wampEvent, pressure);
		}
	}

	static void runHandler(EventHandler handler, WampEvent event) {
		try {
			handler.onEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("event handler for '{}' failed: {}", event.topic(), ex.toString());
		}
	}

	/**
	 * What makes subscriptions share a router subscription.
	 *
	 * @param topic the topic or pattern
	 * @param options the options, without {@code get_retained} (which only asks for a
	 * first event)
	 */
	record Key(String topic, SubscribeOptions options) {

		static Key of(String topic, SubscribeOptions options) {
			return new Key(topic, options.withGetRetained(false));
		}

	}

}
