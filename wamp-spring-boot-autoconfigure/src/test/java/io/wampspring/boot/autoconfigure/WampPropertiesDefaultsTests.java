package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.reconnect.ReconnectOptions;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.spring.core.CallRetry;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.listener.adapter.WampHandlerLimits;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property defaults match the library's defaults, so that leaving a property out
 * means what the wamp-client documentation says.
 */
class WampPropertiesDefaultsTests {

	private final WampProperties properties = new WampProperties();

	private final WampProperties.Router router = new WampProperties.Router();

	@Test
	void transportDefaults() {
		WebSocketTransport transport = WebSocketTransport.builder("ws://localhost/ws").build();
		assertThat(this.router.getSerializers()).containsExactly("json");
		assertThat(transport.serializers()).containsExactly(WampCodecs.JSON);
		assertThat(this.router.getConnectTimeout()).isEqualTo(transport.connectTimeout());
		assertThat(this.router.getWebsocket().getMaxFrameSize().toBytes()).isEqualTo(transport.maxFrameSize());
		assertThat(this.router.getWebsocket().getHeaders()).isEqualTo(transport.headers());
		// Deliberately not the library's default (no pings): a Boot application should
		// notice a silently dead connection, as DESIGN.md section 3 says.
		assertThat(this.router.getWebsocket().getPingInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(transport.pingInterval()).isZero();
	}

	@Test
	void rawSocketDefaults() {
		RawSocketTransport transport = RawSocketTransport.builder("tcp://localhost:8081").build();
		assertThat(this.router.getRawSocket().getMaxMessageSize().toBytes()).isEqualTo(transport.maxMessageSize());
		// Pings on, as for WebSocket: a Boot application should notice a dead connection.
		assertThat(this.router.getRawSocket().getPingInterval()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void reconnectDefaults() {
		ReconnectOptions library = ReconnectOptions.defaults();
		WampProperties.Reconnect reconnect = this.router.getReconnect();
		assertThat(reconnect.isEnabled()).isEqualTo(library.isEnabled());
		assertThat(reconnect.getMaxRetries()).isEqualTo(library.maxRetries());
		assertThat(reconnect.getBackoffType()).isEqualTo(WampProperties.BackoffType.JITTER);
		assertThat(library.backoff()).isInstanceOf(BackoffStrategy.Jitter.class);
		assertThat(((BackoffStrategy.Jitter) library.backoff()).exponential())
			.isEqualTo(BackoffStrategy.exponential(reconnect.getBackoffMin(), reconnect.getBackoffMax()));
		assertThat(reconnect.getAuthFailure()).isEqualTo(library.authFailurePolicy());
	}

	@Test
	void authFailurePolicyReachesTheClient() {
		WampProperties.Reconnect reconnect = this.router.getReconnect();
		reconnect.setAuthFailure(ReconnectOptions.AuthFailurePolicy.WAIT_MAX_BACKOFF);
		assertThat(WampClientOptionsFactory.reconnect(reconnect).authFailurePolicy())
			.isEqualTo(ReconnectOptions.AuthFailurePolicy.WAIT_MAX_BACKOFF);
	}

	@Test
	void authAndFeatureDefaults() {
		ClientOptions library = ClientOptions.builder("ws://localhost/ws", "realm1").build();
		assertThat(this.router.getAuth().getMethod()).containsExactly("anonymous");
		assertThat(library.authenticators()).containsExactly(AnonymousAuthenticator.INSTANCE);
		assertThat(library.authid()).isNull();
		assertThat(this.router.getAuth().getAuthid()).isNull();
		// no feature overrides: the client's own feature set is announced
		assertThat(this.properties.getDefaults().getCaller().getFeatures()).isEmpty();
		assertThat(this.properties.getDefaults().getSubscriber().getFeatures()).isEmpty();
	}

	@Test
	void clientLimitDefaults() {
		ClientLimits library = ClientLimits.defaults();
		WampProperties.SessionLimits limits = this.router.getLimits();
		assertThat(this.router.getJoinTimeout()).isEqualTo(library.joinTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(limits.getMaxPendingCalls()).isEqualTo(library.maxPendingCalls()).isEqualTo(10_000);
		assertThat(limits.getProgressiveBuffer()).isEqualTo(library.progressiveBuffer()).isEqualTo(256);
		assertThat(limits.getInboundHighWaterMark()).isEqualTo(library.inboundHighWaterMark()).isEqualTo(1024);
		assertThat(limits.getInboundLowWaterMark()).isEqualTo(library.inboundLowWaterMark()).isEqualTo(512);
		assertThat(limits.getMaxQueuedInvocations()).isEqualTo(library.maxQueuedInvocations()).isEqualTo(2048);
		assertThat(limits.getEventBuffer()).isEqualTo(library.eventBuffer()).isEqualTo(1024);
		// no wamp.defaults.caller.options.timeout: the library's default call timeout
		// (not "none")
		assertThat(WampMessageOptions.callTimeout(this.properties.getDefaults().getCaller().getOptions()))
			.isEqualTo(library.defaultCallTimeout());
		assertThat(library.defaultCallTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(WampClientOptionsFactory.limits("wamp.routers.r.", this.router, null)).isEqualTo(library);
	}

	@Test
	void calleeAndEventDefaultsMatchTheClients() {
		ClientOptions library = ClientOptions.builder("ws://localhost/ws", "realm1").build();
		WampProperties.CalleeDefaults callee = this.properties.getDefaults().getCallee();
		assertThat(callee.isIncludeExceptionMessage()).isEqualTo(library.includeExceptionMessages()).isFalse();
		assertThat(callee.getErrorUri()).isEqualTo(library.defaultErrorUri());
		// without virtual threads, state events stay where wamp-client puts them
		assertThat(library.eventScheduler()).isSameAs(Schedulers.boundedElastic());
	}

	@Test
	void handlerDefaults() {
		WampHandlerLimits procedures = WampHandlerLimits.procedureDefaults();
		WampProperties.CalleeDefaults callee = this.properties.getDefaults().getCallee();
		assertThat(callee.getConcurrency()).isEqualTo(procedures.concurrency())
			.isEqualTo(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE);
		assertThat(callee.getQueueCapacity()).isEqualTo(procedures.queueCapacity()).isEqualTo(1000);
		assertThat(callee.isIncludeExceptionMessage()).isFalse()
			.isEqualTo(WampExceptionTranslator.defaults().includesExceptionMessage());
		WampHandlerLimits subscriptions = WampHandlerLimits.subscriptionDefaults();
		WampProperties.SubscriberDefaults subscriber = this.properties.getDefaults().getSubscriber();
		assertThat(subscriber.getConcurrency()).isEqualTo(subscriptions.concurrency()).isEqualTo(1);
		assertThat(subscriber.getQueueCapacity()).isEqualTo(subscriptions.queueCapacity()).isEqualTo(10_000);
	}

	@Test
	void roleOptionDefaultsMatchTheClients() {
		WampProperties.CallerOptions caller = this.properties.getDefaults().getCaller().getOptions();
		io.wampspring.client.CallOptions call = io.wampspring.client.CallOptions.defaults();
		assertThat(caller.getCancelMode()).isEqualTo(call.cancelMode());
		assertThat(caller.isDiscloseMe()).isFalse();
		assertThat(call.discloseMe()).isNull();
		WampProperties.PublisherOptions publisher = this.properties.getDefaults().getPublisher().getOptions();
		io.wampspring.client.PublishOptions publish = io.wampspring.client.PublishOptions.defaults();
		assertThat(WampMessageOptions.publishOptions(publisher).toWire()).isEqualTo(publish.toWire());
		assertThat(publisher.isExcludeMe()).isTrue();
		WampProperties.CalleeOptions callee = this.properties.getDefaults().getCallee().getOptions();
		io.wampspring.client.RegisterOptions register = io.wampspring.client.RegisterOptions.defaults();
		assertThat(callee.getMatch()).isEqualTo(register.match());
		assertThat(callee.getInvoke()).isEqualTo(register.invoke());
		WampMessageOptions.Registration registration = WampMessageOptions.registerOptions("p", callee,
				new WampProperties.RegistrationOptions());
		assertThat(registration.options().toWire()).isEqualTo(register.toWire());
		assertThat(registration.invokeConfigured()).isFalse();
		assertThat(registration.concurrency()).isNull();
		WampProperties.SubscriberOptions subscriber = this.properties.getDefaults().getSubscriber().getOptions();
		assertThat(subscriber.getMatch()).isEqualTo(io.wampspring.core.uri.MatchPolicy.EXACT);
	}

	@Test
	void retryDefaults() {
		WampProperties.CallerDefaults caller = this.properties.getDefaults().getCaller();
		assertThat(caller.getRetry().isEnabled()).isFalse();
		assertThat(caller.getIdempotentProcedures()).isEmpty();
		assertThat(caller.getRetry().getRetryableUris())
			.containsExactlyInAnyOrderElementsOf(CallRetry.DEFAULT_RETRYABLE_URIS);
		assertThat(CallRetry.disabled().idempotentProcedures()).isEmpty();
	}

	@Test
	void peerAndLifecycleDefaults() {
		assertThat(this.properties.isAutoStartup()).isTrue();
		assertThat(this.properties.getPeers()).isEmpty();
		WampProperties.Peer peer = new WampProperties.Peer();
		assertThat(peer.getPoolSize()).isEqualTo(1);
		assertThat(peer.getRouter()).isNull();
	}

	@Test
	void embeddedRouterDefaults() {
		WampRouterProperties embedded = new WampRouterProperties();
		assertThat(embedded.isEnabled()).isFalse();
		assertThat(embedded.getPath()).isEqualTo("/ws");
		assertThat(embedded.getRawSocketPort()).isNull();
		assertThat(embedded.getRealms()).isEmpty();
		WampRouterProperties.RealmUser user = new WampRouterProperties.RealmUser();
		assertThat(user.getIterations()).isEqualTo(io.wampspring.core.auth.WampCra.DEFAULT_ITERATIONS);
		assertThat(user.getKeylen()).isEqualTo(io.wampspring.core.auth.WampCra.DEFAULT_KEY_LENGTH);
		assertThat(List.of(user.getRole())).containsExactly("user");
	}

	@Test
	void embeddedNexusDefaultsMatchTheRouters() {
		io.wampspring.router.config.NexusSettings library = io.wampspring.router.config.NexusSettings.DEFAULTS;
		WampRouterProperties.Nexus nexus = new WampRouterProperties().getNexus();
		assertThat(nexus.getPrefix()).isEqualTo(library.prefix());
		assertThat(nexus.getMetadata().getMaxEntries()).isEqualTo(library.metadataMaxEntries());
		assertThat(nexus.getMetadata().getMaxBytes().toBytes()).isEqualTo(library.metadataMaxBytes());
		assertThat(nexus.getMetadata().getMaxTotalBytes().toBytes())
			.isEqualTo(io.wampspring.router.nexus.InMemoryMetadataStore.DEFAULT_MAX_TOTAL_BYTES);
		assertThat(nexus.getRoster().getMaxEntriesPerSession()).isEqualTo(library.rosterMaxEntriesPerSession());
		assertThat(nexus.getRoster().getMaxEntrySize().toBytes()).isEqualTo(library.rosterMaxEntryBytes());
		assertThat(nexus.getOtp().getLifetime()).isEqualTo(library.otpLifetime()).isEqualTo(Duration.ofMinutes(10));
		assertThat(nexus.getOtp().getMaxPerAuthid()).isEqualTo(library.otpMaxPerAuthid());
		assertThat(nexus.getApikeys().getMaxPerAuthid()).isEqualTo(library.apiKeysMaxPerAuthid());
		assertThat(nexus.getStoreTimeout()).isEqualTo(library.storeTimeout());
		assertThat(new WampRouterProperties().getAuthentication().isPreciseErrors()).isFalse();
	}

	@Test
	void embeddedRouterLimitDefaults() {
		RouterLimits library = RouterLimits.DEFAULTS;
		WampRouterProperties.Limits limits = new WampRouterProperties().getLimits();
		assertThat(limits.getMaxMessageSize().toBytes()).isEqualTo(library.maxMessageSize());
		assertThat(limits.getMaxIncompleteMessageBytes().toBytes()).isEqualTo(library.maxIncompleteMessageBytes());
		assertThat(limits.getMaxOutboundBytesPerSession().toBytes()).isEqualTo(library.maxOutboundBytesPerSession());
		assertThat(limits.getMaxProgressiveBacklog().toBytes()).isEqualTo(library.maxProgressiveBacklogBytes());
		assertThat(limits.getMaxPendingCallsPerSession()).isEqualTo(library.maxPendingCallsPerSession());
		assertThat(limits.getMaxRegistrationsPerSession()).isEqualTo(library.maxRegistrationsPerSession());
		assertThat(limits.getMaxSubscriptionsPerSession()).isEqualTo(library.maxSubscriptionsPerSession());
		assertThat(limits.getOpenTimeout()).isEqualTo(library.openTimeout());
		assertThat(limits.getHelloTimeout()).isEqualTo(library.helloTimeout());
		assertThat(limits.getAuthenticateTimeout()).isEqualTo(library.authenticateTimeout());
		assertThat(limits.getKeepAliveInterval()).isEqualTo(library.keepAliveInterval());
		assertThat(limits.getKeepAliveTimeout()).isEqualTo(library.keepAliveTimeout());
	}

	@Test
	void secretsAreNeverPrinted() {
		WampProperties.Auth auth = new WampProperties.Auth();
		auth.setPassword("p4ssw0rd");
		auth.setPrivateKey("00");
		assertThat(auth.getSecret()).isEqualTo("p4ssw0rd");
		assertThat(auth.toString()).doesNotContain("p4ssw0rd").doesNotContain("00]");
		WampRouterProperties.RealmUser user = new WampRouterProperties.RealmUser();
		user.setSecret("p4ssw0rd");
		assertThat(user.toString()).doesNotContain("p4ssw0rd");
		assertThat(new WampCredentials("r", "joe", "p4ssw0rd", null, null).toString()).doesNotContain("p4ssw0rd");
	}

}
