package io.wampspring.boot.test.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.client.CallOptions;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.ReconnectOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A WAMP client for tests, as {@code WebTestClient} is for HTTP: one real session (over
 * WebSocket to the embedded router of a {@code @WampTest}), a fluent API to call, publish
 * and subscribe, and expectations that wait for the answer within a deadline (5 seconds
 * by default) and then hand it to AssertJ. <pre class="code">
 * client.call("com.example.add2").args(2, 3).exchange().expectResult().args().containsExactly(5);
 *
 * CallExchange countdown = client.call("com.example.countdown").args(2).exchange();
 * countdown.expectProgress().args().containsExactly(2);
 * countdown.expectProgress().args().containsExactly(1);
 * countdown.expectResult().args().containsExactly(0);
 *
 * client.call("com.example.validation_error").exchange().expectError("wamp.error.invalid_argument");
 *
 * SubscriptionSpec events = client.subscribe("com.example.onhello");
 * client.publish("com.example.onhello").args("hi").exchange().expectAcknowledged();
 * events.expectEvent().args().containsExactly("hi");
 * </pre> Integers in results and events read as {@link Integer} when they fit and
 * {@link Long} otherwise (as Jackson reads untyped JSON), so that
 * {@code containsExactly(5)} holds.
 * <p>
 * The session joins on first use, after the application is ready (its procedures and
 * subscriptions are registered, when the client was built with a {@link Builder#readiness
 * readiness check}), within the ready timeout. Clients made with {@link #mutate()} open
 * sessions of their own and are closed with this one. Thread safe.
 */
public final class WampTestClient implements AutoCloseable {

	/** The default deadline of one expectation. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The default deadline of joining, and of waiting for the application to be ready.
	 */
	public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

	/** The default bound of the events a subscription keeps until they are expected. */
	public static final int DEFAULT_MAX_BUFFERED_EVENTS = 1000;

	private static final long READY_POLL_NANOS = Duration.ofMillis(20).toNanos();

	private final Builder settings;

	private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();

	private final Object joinMonitor = new Object();

	private volatile @Nullable WampClient session;

	private volatile boolean closed;

	private WampTestClient(Builder settings) {
		this.settings = settings;
	}

	/**
	 * Start a client of a router.
	 * @param url the router's URL, such as {@code ws://127.0.0.1:8090/ws}
	 * @param realm the realm to join
	 * @return a builder
	 */
	public static Builder builder(String url, String realm) {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(realm, "realm");
		return new Builder(() -> url, () -> realm);
	}

	/**
	 * Start a client of a router whose address is known only once it runs (such as an
	 * embedded router on a random port).
	 * @param url gives the router's URL when the session joins
	 * @param realm gives the realm to join when the session joins
	 * @return a builder
	 */
	public static Builder builder(Supplier<String> url, Supplier<String> realm) {
		return new Builder(url, realm);
	}

	/**
	 * A builder with this client's settings, for a client with a session of its own (such
	 * as another user): {@code client.mutate().authid("joe").ticket("secret").build()}.
	 * The new client is closed with this one.
	 * @return a builder
	 */
	public Builder mutate() {
		Builder copy = this.settings.copy();
		copy.parent = this;
		return copy;
	}

	/**
	 * Prepare a call.
	 * @param procedure the procedure URI
	 * @return the call's spec
	 */
	public CallSpec call(String procedure) {
		return new CallSpec(this, Objects.requireNonNull(procedure, "procedure"));
	}

	/**
	 * Prepare a publication (acknowledged by default, so that a refusal can be expected).
	 * @param topic the topic URI
	 * @return the publication's spec
	 */
	public PublishSpec publish(String topic) {
		return new PublishSpec(this, Objects.requireNonNull(topic, "topic"));
	}

	/**
	 * Subscribe to a topic, waiting for the router's confirmation; the events that arrive
	 * from now on wait for {@link SubscriptionSpec#expectEvent()}.
	 * @param topic the topic URI
	 * @return the subscription
	 * @throws AssertionError when the router refuses or does not confirm in time
	 */
	public SubscriptionSpec subscribe(String topic) {
		return subscribe(topic, SubscribeOptions.defaults());
	}

	/**
	 * Subscribe to a topic or pattern with options.
	 * @param topic the topic URI or pattern
	 * @param options the options (such as a prefix match)
	 * @return the subscription
	 * @throws AssertionError when the router refuses or does not confirm in time
	 */
	public SubscriptionSpec subscribe(String topic, SubscribeOptions options) {
		SubscriptionSpec subscription = SubscriptionSpec.open(this, topic, options);
		this.owned.add(subscription);
		return subscription;
	}

	/**
	 * The session, joined (after the application is ready) if it is not yet: for what the
	 * fluent API does not cover.
	 * @return the joined session
	 * @throws IllegalStateException when it cannot join within the ready timeout
	 */
	public WampClient session() {
		WampClient current = this.session;
		if (current != null) {
			return current;
		}
		synchronized (this.joinMonitor) {
			if (this.closed) {
				throw new IllegalStateException("this WampTestClient is closed");
			}
			if (this.session == null) {
				awaitReady();
				this.session = join();
			}
			return Objects.requireNonNull(this.session);
		}
	}

	/**
	 * The deadline of one expectation.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.settings.timeout;
	}

	int maxBufferedEvents() {
		return this.settings.maxBufferedEvents;
	}

	private void awaitReady() {
		BooleanSupplier readiness = this.settings.readiness;
		if (readiness == null) {
			return;
		}
		long deadline = System.nanoTime() + this.settings.readyTimeout.toNanos();
		while (!readiness.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("The application's WAMP procedures and subscriptions were not all "
						+ "registered within " + this.settings.readyTimeout.toMillis() + " ms: "
						+ this.settings.readinessDescription.get()
						+ ". Check the start-up log, or raise wamp.test.client.ready-timeout");
			}
			LockSupport.parkNanos(READY_POLL_NANOS);
		}
	}

	private WampClient join() {
		ClientOptions.Builder options = ClientOptions.builder(this.settings.url.get(), this.settings.realm.get())
			// a test sees a lost session as a failure instead of a silent reconnect
			.reconnect(ReconnectOptions.disabled());
		if (this.settings.authid != null) {
			options.authid(this.settings.authid);
		}
		if (this.settings.ticket != null) {
			options.authenticator(new TicketAuthenticator(this.settings.ticket));
		}
		WampClient client = WampClient.create(options.build());
		try {
			client.connect().block(this.settings.readyTimeout);
			return client;
		}
		catch (RuntimeException ex) {
			client.close().onErrorResume((error) -> reactor.core.publisher.Mono.empty()).subscribe();
			throw new IllegalStateException("WampTestClient could not join realm '" + this.settings.realm.get()
					+ "' at " + this.settings.url.get()
					+ ((this.settings.authid != null) ? " as '" + this.settings.authid + "'" : "") + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Leave: unsubscribe, close the clients made with {@link #mutate()}, and close the
	 * session, each within the ready timeout.
	 */
	@Override
	public void close() {
		WampClient current;
		synchronized (this.joinMonitor) {
			this.closed = true;
			current = this.session;
			this.session = null;
		}
		for (AutoCloseable resource : this.owned) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				// closing is best effort: the router drops what the session leaves behind
			}
		}
		this.owned.clear();
		if (current != null) {
			current.close()
				.onErrorResume((error) -> reactor.core.publisher.Mono.empty())
				.block(this.settings.readyTimeout);
		}
	}

	@Override
	public String toString() {
		// the realm and URL may be known only once the router runs
		return "WampTestClient[" + ((this.settings.authid != null) ? "authid " + this.settings.authid : "anonymous")
				+ ((this.session != null) ? ", joined" : "") + "]";
	}

	/**
	 * Builds a {@link WampTestClient}.
	 */
	public static final class Builder {

		private final Supplier<String> url;

		private Supplier<String> realm;

		private @Nullable String authid;

		private @Nullable String ticket;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

		private int maxBufferedEvents = DEFAULT_MAX_BUFFERED_EVENTS;

		private @Nullable BooleanSupplier readiness;

		private Supplier<String> readinessDescription = () -> "not ready";

		private @Nullable WampTestClient parent;

		Builder(Supplier<String> url, Supplier<String> realm) {
			this.url = Objects.requireNonNull(url, "url");
			this.realm = Objects.requireNonNull(realm, "realm");
		}

		Builder copy() {
			Builder copy = new Builder(this.url, this.realm);
			copy.authid = this.authid;
			copy.ticket = this.ticket;
			copy.timeout = this.timeout;
			copy.readyTimeout = this.readyTimeout;
			copy.maxBufferedEvents = this.maxBufferedEvents;
			copy.readiness = this.readiness;
			copy.readinessDescription = this.readinessDescription;
			return copy;
		}

		/**
		 * The realm to join.
		 * @param realm the realm
		 * @return this builder
		 */
		public Builder realm(String realm) {
			Objects.requireNonNull(realm, "realm");
			this.realm = () -> realm;
			return this;
		}

		/**
		 * The authid to announce.
		 * @param authid the authid, or null (the default) for an anonymous session
		 * @return this builder
		 */
		public Builder authid(@Nullable String authid) {
			this.authid = authid;
			return this;
		}

		/**
		 * A ticket (password or token) to log in with the {@code ticket} method.
		 * @param ticket the ticket, or null (the default) for none
		 * @return this builder
		 */
		public Builder ticket(@Nullable String ticket) {
			this.ticket = ticket;
			return this;
		}

		/**
		 * The deadline of one expectation.
		 * @param timeout positive, 5 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = positive("timeout", timeout);
			return this;
		}

		/**
		 * The deadline of joining, and of waiting for the application to be ready.
		 * @param timeout positive, 30 seconds by default
		 * @return this builder
		 */
		public Builder readyTimeout(Duration timeout) {
			this.readyTimeout = positive("readyTimeout", timeout);
			return this;
		}

		/**
		 * How many events a subscription keeps until they are expected; more fail the
		 * next expectation of that subscription.
		 * @param max at least 1, 1000 by default
		 * @return this builder
		 */
		public Builder maxBufferedEvents(int max) {
			if (max < 1) {
				throw new IllegalArgumentException("maxBufferedEvents must be at least 1, got " + max);
			}
			this.maxBufferedEvents = max;
			return this;
		}

		/**
		 * What the session waits for before it joins, such as the application's
		 * procedures and subscriptions being registered.
		 * @param ready true once the application is ready
		 * @param description says what is missing, for the error when it never is
		 * @return this builder
		 */
		public Builder readiness(BooleanSupplier ready, Supplier<String> description) {
			this.readiness = Objects.requireNonNull(ready, "ready");
			this.readinessDescription = Objects.requireNonNull(description, "description");
			return this;
		}

		/**
		 * Build the client; it joins on first use.
		 * @return the client
		 */
		public WampTestClient build() {
			WampTestClient client = new WampTestClient(this.copy());
			if (this.parent != null) {
				this.parent.owned.add(client);
			}
			return client;
		}

		private static Duration positive(String name, Duration value) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + value);
			}
			return value;
		}

	}

	/**
	 * A call being prepared: its arguments and options; {@link #exchange()} sends it.
	 */
	public static final class CallSpec {

		private final WampTestClient client;

		private final String procedure;

		private List<@Nullable Object> args = List.of();

		private final Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();

		private CallOptions options = CallOptions.defaults();

		private boolean receiveProgress = true;

		CallSpec(WampTestClient client, String procedure) {
			this.client = client;
			this.procedure = procedure;
		}

		/**
		 * The positional arguments.
		 * @param args the arguments
		 * @return this spec
		 */
		public CallSpec args(@Nullable Object... args) {
			this.args = new ArrayList<>(Arrays.asList(args));
			return this;
		}

		/**
		 * The positional arguments.
		 * @param args the arguments
		 * @return this spec
		 */
		public CallSpec args(List<?> args) {
			this.args = new ArrayList<>(args);
			return this;
		}

		/**
		 * A keyword argument.
		 * @param name the name
		 * @param value the value
		 * @return this spec
		 */
		public CallSpec kwarg(String name, @Nullable Object value) {
			this.kwargs.put(name, value);
			return this;
		}

		/**
		 * Keyword arguments, added to those set before.
		 * @param kwargs the arguments
		 * @return this spec
		 */
		public CallSpec kwargs(Map<String, ?> kwargs) {
			this.kwargs.putAll(kwargs);
			return this;
		}

		/**
		 * The call's options (timeout, disclose_me, ...).
		 * @param options the options
		 * @return this spec
		 */
		public CallSpec options(CallOptions options) {
			this.options = Objects.requireNonNull(options, "options");
			return this;
		}

		/**
		 * Whether to ask for progressive results ({@code receive_progress}).
		 * @param receiveProgress true by default
		 * @return this spec
		 */
		public CallSpec receiveProgress(boolean receiveProgress) {
			this.receiveProgress = receiveProgress;
			return this;
		}

		/**
		 * Send the call; its answers wait for the exchange's expectations.
		 * @return the exchange
		 */
		public CallExchange exchange() {
			WampClient session = this.client.session();
			Flux<io.wampspring.client.CallResult> answers = this.receiveProgress
					? session.callProgressive(this.procedure, this.args, this.kwargs, this.options)
					: session.call(this.procedure, this.args, this.kwargs, this.options).flux();
			return new CallExchange(this.procedure, answers, this.client.timeout());
		}

	}

	/**
	 * A publication being prepared; {@link #exchange()} sends it.
	 */
	public static final class PublishSpec {

		private final WampTestClient client;

		private final String topic;

		private List<@Nullable Object> args = List.of();

		private final Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();

		private PublishOptions options = PublishOptions.acknowledged();

		PublishSpec(WampTestClient client, String topic) {
			this.client = client;
			this.topic = topic;
		}

		/**
		 * The positional arguments.
		 * @param args the arguments
		 * @return this spec
		 */
		public PublishSpec args(@Nullable Object... args) {
			this.args = new ArrayList<>(Arrays.asList(args));
			return this;
		}

		/**
		 * A keyword argument.
		 * @param name the name
		 * @param value the value
		 * @return this spec
		 */
		public PublishSpec kwarg(String name, @Nullable Object value) {
			this.kwargs.put(name, value);
			return this;
		}

		/**
		 * Keyword arguments, added to those set before.
		 * @param kwargs the arguments
		 * @return this spec
		 */
		public PublishSpec kwargs(Map<String, ?> kwargs) {
			this.kwargs.putAll(kwargs);
			return this;
		}

		/**
		 * The publication's options. The router excludes the publisher from its own
		 * events unless {@code excludeMe(false)}; without {@code acknowledge} only
		 * {@link PublishExchange#expectSent()} can be expected.
		 * @param options the options, {@link PublishOptions#acknowledged()} by default
		 * @return this spec
		 */
		public PublishSpec options(PublishOptions options) {
			this.options = Objects.requireNonNull(options, "options");
			return this;
		}

		/**
		 * Send the publication.
		 * @return the exchange
		 */
		public PublishExchange exchange() {
			return new PublishExchange(this.topic,
					this.client.session().publish(this.topic, this.args, this.kwargs, this.options),
					this.client.timeout());
		}

	}

}
