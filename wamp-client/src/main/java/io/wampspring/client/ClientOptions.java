package io.wampspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.WampTransport;
import io.wampspring.client.transport.WampTransports;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable settings of a {@link WampClient}: where to connect, which realm, who the
 * client is, what it announces in HELLO, where user code runs, and how it reconnects.
 *
 * <pre class="code">
 * ClientOptions options = ClientOptions.builder("ws://localhost:8080/ws", "realm1")
 *     .authid("joe")
 *     .authenticator(new TicketAuthenticator(secret))
 *     .reconnect(ReconnectOptions.builder().maxRetries(10).build())
 *     .build();
 * </pre>
 */
public final class ClientOptions {

	/**
	 * The error URI sent for handler exceptions that are not
	 * {@link io.wampspring.core.WampException}s.
	 */
	public static final String DEFAULT_ERROR_URI = "wamp.error.runtime_error";

	private final WampTransport transport;

	private final String realm;

	private final @Nullable String authid;

	private final @Nullable String authrole;

	private final List<ClientAuthenticator> authenticators;

	private final Map<String, Map<String, Object>> roleFeatures;

	private final Scheduler handlerScheduler;

	private final Scheduler resultScheduler;

	private final Duration goodbyeTimeout;

	private final String defaultErrorUri;

	private final ReconnectOptions reconnect;

	private final ClientLimits limits;

	private final Scheduler eventScheduler;

	private final boolean includeExceptionMessages;

	private final RevocationPolicy onRegistrationRevoked;

	private final RevocationPolicy onSubscriptionRevoked;

	private ClientOptions(Builder builder) {
		this.transport = builder.transport;
		this.realm = builder.realm;
		this.authid = builder.authid;
		this.authrole = builder.authrole;
		this.authenticators = List.copyOf(
				builder.authenticators.isEmpty() ? List.of(AnonymousAuthenticator.INSTANCE) : builder.authenticators);
		Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
		builder.roleFeatures
			.forEach((role, features) -> roles.put(role, Collections.unmodifiableMap(new LinkedHashMap<>(features))));
		this.roleFeatures = Collections.unmodifiableMap(roles);
		this.handlerScheduler = builder.handlerScheduler;
		this.resultScheduler = builder.resultScheduler;
		this.goodbyeTimeout = builder.goodbyeTimeout;
		this.defaultErrorUri = builder.defaultErrorUri;
		this.reconnect = builder.reconnect;
		this.limits = builder.limits;
		this.eventScheduler = builder.eventScheduler;
		this.includeExceptionMessages = builder.includeExceptionMessages;
		this.onRegistrationRevoked = builder.onRegistrationRevoked;
		this.onSubscriptionRevoked = builder.onSubscriptionRevoked;
	}

	/**
	 * A builder for a transport and a realm.
	 * @param transport how to reach the router
	 * @param realm the realm to join
	 * @return a new builder
	 */
	public static Builder builder(WampTransport transport, String realm) {
		return new Builder(transport, realm);
	}

	/**
	 * A builder for a router URL and a realm, with JSON and default transport settings
	 * (see {@link WampTransports#forUrl(String)}). Use
	 * {@link WebSocketTransport#builder(String)} or
	 * {@link io.wampspring.client.transport.RawSocketTransport#builder(String)} for other
	 * serializers, TLS, headers or pings.
	 * @param url a {@code ws://}, {@code wss://}, {@code tcp://}, {@code tcps://} or
	 * {@code unix://} URL
	 * @param realm the realm to join
	 * @return a new builder
	 */
	public static Builder builder(String url, String realm) {
		return new Builder(WampTransports.forUrl(url), realm);
	}

	/**
	 * A builder that starts from these options, to derive changed options.
	 * @return a new builder holding every setting of these options
	 */
	public Builder mutate() {
		Builder builder = new Builder(this.transport, this.realm);
		builder.authid = this.authid;
		builder.authrole = this.authrole;
		builder.authenticators.addAll(this.authenticators);
		builder.roleFeatures.clear();
		this.roleFeatures.forEach((role, features) -> builder.roleFeatures.put(role, new LinkedHashMap<>(features)));
		builder.handlerScheduler = this.handlerScheduler;
		builder.resultScheduler = this.resultScheduler;
		builder.goodbyeTimeout = this.goodbyeTimeout;
		builder.defaultErrorUri = this.defaultErrorUri;
		builder.reconnect = this.reconnect;
		builder.limits = this.limits;
		builder.eventScheduler = this.eventScheduler;
		builder.includeExceptionMessages = this.includeExceptionMessages;
		builder.onRegistrationRevoked = this.onRegistrationRevoked;
		builder.onSubscriptionRevoked = this.onSubscriptionRevoked;
		return builder;
	}

	/**
	 * The features the client announces by default, per role.
	 * @return a new mutable map of role to feature flags
	 */
	public static Map<String, Map<String, Object>> defaultRoleFeatures() {
		Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
		roles.put("caller", features("progressive_call_results", "progressive_call_invocations", "call_canceling",
				"call_timeout", "caller_identification"));
		roles.put("callee",
				features("progressive_call_results", "progressive_call_invocations", "call_canceling", "call_timeout",
						"caller_identification", "pattern_based_registration", "shared_registration",
						"registration_revocation"));
		roles.put("publisher", features("publisher_exclusion", "subscriber_blackwhite_listing",
				"publisher_identification", "event_retention"));
		roles.put("subscriber", features("pattern_based_subscription", "publisher_identification", "event_retention",
				"event_history", "publication_trustlevels", "subscription_revocation"));
		return roles;
	}

	private static Map<String, Object> features(String... names) {
		Map<String, Object> features = new LinkedHashMap<>();
		for (String name : names) {
			features.put(name, true);
		}
		return features;
	}

	/**
	 * The transport.
	 * @return the transport
	 */
	public WampTransport transport() {
		return this.transport;
	}

	/**
	 * The realm to join.
	 * @return the realm
	 */
	public String realm() {
		return this.realm;
	}

	/**
	 * The authid announced in HELLO, if any.
	 * @return the authid, or null
	 */
	public @Nullable String authid() {
		return this.authid;
	}

	/**
	 * The authrole asked for in HELLO, if any; the router decides whether to grant it.
	 * @return the authrole, or null
	 */
	public @Nullable String authrole() {
		return this.authrole;
	}

	/**
	 * The authenticators, in preference order (anonymous when none was configured).
	 * @return an unmodifiable list
	 */
	public List<ClientAuthenticator> authenticators() {
		return this.authenticators;
	}

	/**
	 * The roles announced in HELLO with their feature flags.
	 * @return an unmodifiable map of role to features
	 */
	public Map<String, Map<String, Object>> roleFeatures() {
		return this.roleFeatures;
	}

	/**
	 * Where invocation and event handlers run.
	 * @return the scheduler
	 */
	public Scheduler handlerScheduler() {
		return this.handlerScheduler;
	}

	/**
	 * Where call results, publication acknowledgements and other request outcomes are
	 * delivered to the application's subscribers (so that application code never runs on
	 * the I/O thread).
	 * @return the scheduler
	 */
	public Scheduler resultScheduler() {
		return this.resultScheduler;
	}

	/**
	 * How long {@link WampClient#close()} waits for the router's GOODBYE.
	 * @return the timeout
	 */
	public Duration goodbyeTimeout() {
		return this.goodbyeTimeout;
	}

	/**
	 * The ERROR URI for handler exceptions that carry no URI of their own.
	 * @return the URI, {@value #DEFAULT_ERROR_URI} by default
	 */
	public String defaultErrorUri() {
		return this.defaultErrorUri;
	}

	/**
	 * The reconnect settings.
	 * @return the settings
	 */
	public ReconnectOptions reconnect() {
		return this.reconnect;
	}

	/**
	 * The bounds of time and memory.
	 * @return the limits
	 */
	public ClientLimits limits() {
		return this.limits;
	}

	/**
	 * Where state events ({@link WampClient#stateEvents()}) are delivered: never an I/O
	 * or {@code parallel} thread, so that a listener may block.
	 * @return the scheduler
	 */
	public Scheduler eventScheduler() {
		return this.eventScheduler;
	}

	/**
	 * Whether the message of a handler exception that carries no WAMP URI is sent to the
	 * caller. When false (the default) the caller receives the {@link #defaultErrorUri()}
	 * and a correlation id that the callee's log line names; messages may hold SQL, host
	 * or user names that should not cross the trust boundary.
	 * @return true to send exception messages
	 */
	public boolean includeExceptionMessages() {
		return this.includeExceptionMessages;
	}

	/**
	 * What the client does when the router revokes one of its registrations.
	 * @return the policy (default {@link RevocationPolicy#KEEP_REVOKED})
	 */
	public RevocationPolicy onRegistrationRevoked() {
		return this.onRegistrationRevoked;
	}

	/**
	 * What the client does when the router revokes one of its subscriptions.
	 * @return the policy (default {@link RevocationPolicy#KEEP_REVOKED})
	 */
	public RevocationPolicy onSubscriptionRevoked() {
		return this.onSubscriptionRevoked;
	}

	@Override
	public String toString() {
		return "ClientOptions[transport=" + this.transport.describe() + ", realm=" + this.realm + ", authid="
				+ this.authid + ", authrole=" + this.authrole + ", authmethods="
				+ this.authenticators.stream().map(ClientAuthenticator::authMethod).toList() + ", reconnect="
				+ this.reconnect + "]";
	}

	/**
	 * Builds {@link ClientOptions}.
	 */
	public static final class Builder {

		private final WampTransport transport;

		private final String realm;

		private @Nullable String authid;

		private @Nullable String authrole;

		private final List<ClientAuthenticator> authenticators = new ArrayList<>();

		private final Map<String, Map<String, Object>> roleFeatures = defaultRoleFeatures();

		private Scheduler handlerScheduler = Schedulers.boundedElastic();

		private Scheduler resultScheduler = Schedulers.parallel();

		private Duration goodbyeTimeout = Duration.ofSeconds(5);

		private String defaultErrorUri = DEFAULT_ERROR_URI;

		private ReconnectOptions reconnect = ReconnectOptions.defaults();

		private ClientLimits limits = ClientLimits.defaults();

		private Scheduler eventScheduler = Schedulers.boundedElastic();

		private boolean includeExceptionMessages;

		private RevocationPolicy onRegistrationRevoked = RevocationPolicy.KEEP_REVOKED;

		private RevocationPolicy onSubscriptionRevoked = RevocationPolicy.KEEP_REVOKED;

		private Builder(WampTransport transport, String realm) {
			this.transport = Objects.requireNonNull(transport, "transport");
			Objects.requireNonNull(realm, "realm");
			if (!WampUriValidator.LOOSE_RULES.isValid(realm)) {
				throw new IllegalArgumentException(
						"realm must be a valid WAMP URI such as 'realm1', got '" + realm + "'");
			}
			this.realm = realm;
		}

		/**
		 * The authid to announce in HELLO.
		 * @param authid the authid, or null for none
		 * @return this builder
		 */
		public Builder authid(@Nullable String authid) {
			this.authid = authid;
			return this;
		}

		/**
		 * The authrole to ask for in HELLO ({@code authrole} detail). Routers that assign
		 * roles themselves (static users) may ignore it; dynamic authenticators of
		 * Crossbar.io and Bondy read it.
		 * @param authrole the authrole, or null for none
		 * @return this builder
		 */
		public Builder authrole(@Nullable String authrole) {
			this.authrole = authrole;
			return this;
		}

		/**
		 * Add an authenticator; the methods are offered in the order they were added.
		 * @param authenticator the authenticator
		 * @return this builder
		 */
		public Builder authenticator(ClientAuthenticator authenticator) {
			Objects.requireNonNull(authenticator, "authenticator");
			for (ClientAuthenticator existing : this.authenticators) {
				if (existing.authMethod().equals(authenticator.authMethod())) {
					throw new IllegalArgumentException("an authenticator for '" + authenticator.authMethod()
							+ "' is already configured; configure one per method");
				}
			}
			this.authenticators.add(authenticator);
			return this;
		}

		/**
		 * Remove the authenticators added so far (those copied by
		 * {@link ClientOptions#mutate()} too), to offer other methods; with none the
		 * client joins anonymously.
		 * @return this builder
		 */
		public Builder clearAuthenticators() {
			this.authenticators.clear();
			return this;
		}

		/**
		 * Set a feature flag of a role announced in HELLO (roles: caller, callee,
		 * publisher, subscriber).
		 * @param role the role
		 * @param feature the feature, such as {@code call_canceling}
		 * @param value its value (usually a boolean)
		 * @return this builder
		 */
		public Builder feature(String role, String feature, Object value) {
			Map<String, Object> features = this.roleFeatures.get(role);
			if (features == null) {
				throw new IllegalArgumentException(
						"unknown role '" + role + "': use one of " + this.roleFeatures.keySet());
			}
			features.put(Objects.requireNonNull(feature, "feature"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Where invocation and event handlers run (default
		 * {@code Schedulers.boundedElastic()}).
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder handlerScheduler(Scheduler scheduler) {
			this.handlerScheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * Where request outcomes are delivered (default {@code Schedulers.parallel()}:
		 * cheap, and off the I/O thread; Reactor refuses {@code block()} there, so an
		 * application that blocks in its operators should {@code publishOn} its own
		 * scheduler or set {@code Schedulers.boundedElastic()} here).
		 * {@code Schedulers.immediate()} delivers on the I/O thread, which is fastest but
		 * then the application must never block in its operators. The results of one
		 * session's plain calls use one worker of this scheduler, one at a time in the
		 * order they arrived (a burst of results costs one task).
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder resultScheduler(Scheduler scheduler) {
			this.resultScheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * How long {@code close()} waits for the router's GOODBYE (default 5 s).
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder goodbyeTimeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("goodbyeTimeout must be positive, got " + timeout);
			}
			this.goodbyeTimeout = timeout;
			return this;
		}

		/**
		 * The ERROR URI for handler exceptions without a URI (default
		 * {@value ClientOptions#DEFAULT_ERROR_URI}).
		 * @param uri a valid WAMP URI
		 * @return this builder
		 */
		public Builder defaultErrorUri(String uri) {
			if (!WampUriValidator.LOOSE_RULES.isValid(uri)) {
				throw new IllegalArgumentException("defaultErrorUri must be a valid WAMP URI, got '" + uri + "'");
			}
			this.defaultErrorUri = uri;
			return this;
		}

		/**
		 * The reconnect settings (default {@link ReconnectOptions#defaults()}).
		 * @param reconnect the settings
		 * @return this builder
		 */
		public Builder reconnect(ReconnectOptions reconnect) {
			this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
			return this;
		}

		/**
		 * The bounds of time and memory (default {@link ClientLimits#defaults()}).
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder limits(ClientLimits limits) {
			this.limits = Objects.requireNonNull(limits, "limits");
			return this;
		}

		/**
		 * Where state events are delivered (default {@code Schedulers.boundedElastic()},
		 * where a listener may block). Must not be an I/O or {@code parallel} scheduler.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder eventScheduler(Scheduler scheduler) {
			this.eventScheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * Whether the message of a handler exception without a WAMP URI is sent to the
		 * caller (default false: the URI and a correlation id only).
		 * @param include true to send messages
		 * @return this builder
		 */
		public Builder includeExceptionMessages(boolean include) {
			this.includeExceptionMessages = include;
			return this;
		}

		/**
		 * What to do when the router revokes a registration (default
		 * {@link RevocationPolicy#KEEP_REVOKED}).
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder onRegistrationRevoked(RevocationPolicy policy) {
			this.onRegistrationRevoked = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * What to do when the router revokes a subscription (default
		 * {@link RevocationPolicy#KEEP_REVOKED}).
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder onSubscriptionRevoked(RevocationPolicy policy) {
			this.onSubscriptionRevoked = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * Build the immutable options.
		 * @return the options
		 */
		public ClientOptions build() {
			return new ClientOptions(this);
		}

	}

}
