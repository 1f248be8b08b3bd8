package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.spring.peer.PoolType;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.auth.AnonymousAuthenticator;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.reconnect.BackoffStrategy;
import io.wampspring.client.transport.InProcessTransport;
import io.wampspring.client.transport.RawSocketTransport;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.annotation.WampBootstrapConfiguration;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.core.NexusService;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.config.WampProcedureEndpoint;
import io.wampspring.spring.config.WampSubscriptionEndpoint;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.listener.adapter.WampHandlerLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WampAutoConfiguration}: every property reaches the client options.
 */
class WampAutoConfigurationTests {

	private static final Scheduler CUSTOM = Schedulers.immediate();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class));

	@Test
	void withoutRouterThereIsNoPeer() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(WampPeers.class).hasSingleBean(PropertiesWampConnectionDetails.class);
			assertThat(context.getBean(WampPeers.class).all()).isEmpty();
			assertThat(context).doesNotHaveBean(WampRouter.class);
		});
	}

	@Test
	void oneRouterGivesADefaultPeer() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1")
			.run((context) -> {
				WampPeers peers = context.getBean(WampPeers.class);
				WampPeer peer = peers.defaultPeer();
				assertThat(peer.name()).isEqualTo("default");
				assertThat(peer.routerName()).isEqualTo("main");
				assertThat(peer.clients()).hasSize(1);
				assertThat(peer.clients().get(0).options().realm()).isEqualTo("realm1");
				assertThat(peer.clients().get(0).options().transport()).isInstanceOf(WebSocketTransport.class);
				assertThat(context.getBean(WampPeersLifecycle.class).isAutoStartup()).isFalse();
			});
	}

	@Test
	void routerPropertiesReachTheClientOptions() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=com.example.realm", "wamp.routers.main.serializers=msgpack,json",
					"wamp.routers.main.connect-timeout=3s", "wamp.routers.main.websocket.ping-interval=5s",
					"wamp.routers.main.websocket.max-frame-size=2MB", "wamp.routers.main.websocket.headers.X-Token=abc",
					"wamp.routers.main.reconnect.enabled=true", "wamp.routers.main.reconnect.max-retries=7",
					"wamp.routers.main.reconnect.backoff-min=100ms", "wamp.routers.main.reconnect.backoff-max=2s",
					"wamp.routers.main.reconnect.backoff-type=exponential",
					"wamp.routers.main.auth.method=ticket,anonymous", "wamp.routers.main.auth.authid=joe",
					"wamp.routers.main.auth.password=s3cret", "wamp.defaults.caller.features.call_canceling=false",
					"wamp.defaults.subscriber.features.pattern-based-subscription=false")
			.run((context) -> {
				ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
				WebSocketTransport transport = (WebSocketTransport) options.transport();
				assertThat(transport.serializers()).containsExactly(WampCodecs.MSGPACK, WampCodecs.JSON);
				assertThat(transport.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(transport.pingInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(transport.maxFrameSize()).isEqualTo(2 * 1024 * 1024);
				assertThat(transport.headers()).containsEntry("X-Token", "abc");
				assertThat(options.realm()).isEqualTo("com.example.realm");
				assertThat(options.authid()).isEqualTo("joe");
				assertThat(options.authenticators()).map(ClientAuthenticator::authMethod)
					.containsExactly("ticket", "anonymous");
				assertThat(options.authenticators().get(0)).isInstanceOf(TicketAuthenticator.class);
				assertThat(options.reconnect().maxRetries()).isEqualTo(7);
				assertThat(options.reconnect().backoff())
					.isEqualTo(BackoffStrategy.exponential(Duration.ofMillis(100), Duration.ofSeconds(2)));
				assertThat(options.roleFeatures().get("caller")).containsEntry("call_canceling", false);
				assertThat(options.roleFeatures().get("subscriber")).containsEntry("pattern_based_subscription", false);
			});
	}

	@Test
	void joinTimeoutAndLimitsReachTheClientLimits() {
		this.runner.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
				"wamp.routers.main.realm=realm1", "wamp.routers.main.connect-timeout=2s",
				"wamp.routers.main.join-timeout=4s", "wamp.routers.main.limits.max-pending-calls=50",
				"wamp.routers.main.limits.progressive-buffer=8", "wamp.routers.main.limits.inbound-high-water-mark=64",
				"wamp.routers.main.limits.inbound-low-water-mark=16",
				"wamp.routers.main.limits.max-queued-invocations=100", "wamp.routers.main.limits.event-buffer=32",
				"wamp.defaults.caller.options.timeout=7s")
			.run((context) -> {
				ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
				assertThat(((WebSocketTransport) options.transport()).connectTimeout())
					.isEqualTo(Duration.ofSeconds(2));
				assertThat(options.limits())
					.isEqualTo(new ClientLimits(Duration.ofSeconds(4), Duration.ofSeconds(7), 50, 8, 64, 16, 100, 32));
			});
	}

	@Test
	void defaultCallTimeoutIsTheLibrarysUnlessSetAndZeroOnlyWhenSetSo() {
		String[] router = { "wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
				"wamp.routers.main.realm=realm1" };
		this.runner.withPropertyValues(router)
			.run((context) -> assertThat(clientOptions(context).limits().defaultCallTimeout())
				.isEqualTo(ClientLimits.defaults().defaultCallTimeout()));
		this.runner.withPropertyValues(router)
			.withPropertyValues("wamp.defaults.caller.options.timeout=0")
			.run((context) -> {
				assertThat(clientOptions(context).limits().defaultCallTimeout()).isZero();
				// the template's calls agree: explicitly no timeout, not the client's
				// default
				assertThat(context.getBean(WampTemplate.class).getCallOptions().isTimeoutSet()).isTrue();
				assertThat(context.getBean(WampTemplate.class).getCallOptions().timeout()).isZero();
			});
		this.runner.withPropertyValues(router)
			.withPropertyValues("wamp.defaults.caller.options.timeout=1500")
			.run((context) -> assertThat(clientOptions(context).limits().defaultCallTimeout())
				.isEqualTo(Duration.ofMillis(1500)));
	}

	@Test
	void calleeErrorSettingsAreOneSwitchForTheClientAndTheSpringLayer() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1", "wamp.defaults.callee.include-exception-message=true",
					"wamp.defaults.callee.error-uri=com.example.error.internal")
			.run((context) -> {
				ClientOptions options = clientOptions(context);
				assertThat(options.includeExceptionMessages()).isTrue();
				assertThat(options.defaultErrorUri()).isEqualTo("com.example.error.internal");
				assertThat(context.getBean(WampExceptionTranslator.class).includesExceptionMessage()).isTrue();
			});
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1")
			.run((context) -> assertThat(clientOptions(context).includeExceptionMessages()).isFalse());
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void withoutVirtualThreadsStateEventsStayOnBoundedElastic() {
		// spring.threads.virtual.enabled is ignored below Java 21, as Spring Boot does
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1", "spring.threads.virtual.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WampAutoConfiguration.VIRTUAL_THREAD_EVENTS_CUSTOMIZER_BEAN_NAME);
				assertThat(clientOptions(context).eventScheduler()).isSameAs(Schedulers.boundedElastic());
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsStateEventsArriveOnVirtualThreads() {
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"spring.threads.virtual.enabled=true")
			.run((context) -> {
				assertThat(context).hasBean(WampAutoConfiguration.VIRTUAL_THREAD_EVENTS_CUSTOMIZER_BEAN_NAME);
				WampClient client = context.getBean(WampPeers.class).defaultPeer().clients().get(0);
				assertThat(client.options().eventScheduler()).isNotSameAs(Schedulers.boundedElastic());
				CompletableFuture<Thread> delivered = new CompletableFuture<>();
				Disposable listener = client.stateEvents()
					.subscribe((SessionStateEvent event) -> delivered.complete(Thread.currentThread()));
				try {
					Thread thread = delivered.get(10, TimeUnit.SECONDS);
					assertThat(thread.getName()).startsWith(WampAutoConfiguration.EVENT_THREAD_PREFIX);
					assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
				}
				finally {
					listener.dispose();
				}
			});
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1", "spring.threads.virtual.enabled=true")
			.withBean(WampClientOptionsCustomizer.class, () -> (router, builder) -> builder.eventScheduler(CUSTOM))
			.run((context) -> assertThat(clientOptions(context).eventScheduler()).isSameAs(CUSTOM));
	}

	private static ClientOptions clientOptions(ApplicationContext context) {
		return context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
	}

	@Test
	void rawSocketUrlGivesRawSocketTransportAndFixedBackoff() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=tcp://localhost:9",
					"wamp.routers.main.realm=realm1", "wamp.routers.main.serializers=cbor",
					"wamp.routers.main.reconnect.enabled=false", "wamp.routers.main.reconnect.backoff-type=fixed",
					"wamp.routers.main.reconnect.backoff-min=1s")
			.run((context) -> {
				ClientOptions options = context.getBean(WampPeers.class).defaultPeer().clients().get(0).options();
				assertThat(options.transport()).isInstanceOf(RawSocketTransport.class);
				assertThat(((RawSocketTransport) options.transport()).serializers()).containsExactly(WampCodecs.CBOR);
				assertThat(options.reconnect().isEnabled()).isFalse();
				assertThat(options.reconnect().backoff()).isEqualTo(BackoffStrategy.fixed(Duration.ofSeconds(1)));
				assertThat(options.authenticators()).containsExactly(AnonymousAuthenticator.INSTANCE);
			});
	}

	@Test
	void peersHavePoolsOnTheirRouters() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.a.url=ws://localhost:9/ws",
					"wamp.routers.a.realm=ra", "wamp.routers.b.url=tcp://localhost:9", "wamp.routers.b.realm=rb",
					"wamp.defaults.router=b", "wamp.peers.workers.router=a", "wamp.peers.workers.pool-size=3",
					"wamp.peers.workers.pool-type=hash", "wamp.peers.default.pool-size=2",
					"wamp.peers.default.roles.callee.registrations[com.example.echo].handler=handlers#echo",
					"wamp.peers.default.roles.subscriber.subscriptions[com.example.hello].handler=handlers#onHello",
					"wamp.peers.default.roles.subscriber.subscriptions[com.example.hello].options.match=prefix")
			.withBean("handlers", Handlers.class, Handlers::new)
			.run((context) -> {
				WampPeers peers = context.getBean(WampPeers.class);
				WampPeer workers = peers.get("workers");
				assertThat(workers.clients()).hasSize(3);
				assertThat(workers.poolType()).isEqualTo(PoolType.HASH);
				assertThat(workers.clients().get(0).options().realm()).isEqualTo("ra");
				assertThat(workers.select("com.example.x")).isSameAs(workers.select("com.example.x"));
				WampPeer byDefault = peers.defaultPeer();
				assertThat(byDefault.routerName()).isEqualTo("b");
				assertThat(byDefault.clients()).hasSize(2);
				assertThat(byDefault.select("x")).isNotSameAs(byDefault.select("x"));
				WampProperties properties = context.getBean(WampProperties.class);
				assertThat(properties.getPeers().get("default").getRoles().getCallee().getRegistrations())
					.containsKey("com.example.echo");
				WampEndpointRegistry registry = context.getBean(WampEndpointRegistry.class);
				assertThat(registry.getEndpoints()).hasSize(2);
				assertThat(registry.getEndpoints().get(0)).isInstanceOfSatisfying(WampProcedureEndpoint.class,
						(endpoint) -> {
							assertThat(endpoint.uri()).isEqualTo("com.example.echo");
							assertThat(endpoint.peer()).isEqualTo("default");
							assertThat(endpoint.method().getName()).isEqualTo("echo");
						});
				assertThat(registry.getEndpoints().get(1)).isInstanceOfSatisfying(WampSubscriptionEndpoint.class,
						(endpoint) -> assertThat(endpoint.options().match()).isEqualTo(MatchPolicy.PREFIX));
			});
	}

	@Test
	void embeddedRouterWithoutRouterGivesAnInProcessPeer() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.embedded-router.enabled=true",
					"wamp.embedded-router.port=-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(WampRouter.class);
				WampPeer peer = context.getBean(WampPeers.class).defaultPeer();
				assertThat(peer.routerName()).isEqualTo("embedded");
				assertThat(peer.clients().get(0).options().transport()).isInstanceOf(InProcessTransport.class);
				assertThat(peer.clients().get(0).options().realm()).isEqualTo("realm1");
			});
	}

	@Test
	void connectionDetailsOverrideTheDefaultRouter() {
		this.runner.withPropertyValues("wamp.auto-startup=false")
			.withBean(WampConnectionDetails.class, () -> new WampConnectionDetails() {
				@Override
				public String getUrl() {
					return "ws://container:8080/ws";
				}

				@Override
				public String getRealm() {
					return "container-realm";
				}
			})
			.run((context) -> {
				WampPeer peer = context.getBean(WampPeers.class).defaultPeer();
				assertThat(peer.routerName()).isEqualTo("default");
				assertThat(peer.clients().get(0).options().transport().describe()).isEqualTo("ws://container:8080/ws");
				assertThat(peer.clients().get(0).options().realm()).isEqualTo("container-realm");
			});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.runner
			.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
					"wamp.routers.main.realm=realm1")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> assertThat(
					context.getBean(WampPeers.class).defaultPeer().clients().get(0).options().defaultErrorUri())
				.isEqualTo("com.example.second"));
	}

	@Test
	void springLayerPropertiesReachTheTemplateAndTheTranslator() {
		this.runner.withPropertyValues("wamp.auto-startup=false", "wamp.routers.main.url=ws://localhost:9/ws",
				"wamp.routers.main.realm=realm1", "wamp.routers.main.uri-prefix=com.example",
				"wamp.defaults.callee.error-uri=com.example.error.internal",
				"wamp.defaults.callee.exception-uris[java.util.NoSuchElementException]=com.example.error.not_found",
				"wamp.defaults.caller.retry.enabled=true", "wamp.defaults.caller.retry.max-retries=5",
				"wamp.defaults.caller.options.timeout=7s", "wamp.defaults.caller.options.disclose-me=true",
				"wamp.defaults.publisher.options.exclude-me=false", "wamp.nexus.prefix=com.izaber.wamp",
				"wamp.nexus.uris.whoami=my.whoami", "wamp.defaults.caller.idempotent-procedures=.get,com.other.list",
				"wamp.defaults.callee.include-exception-message=true", "wamp.defaults.callee.concurrency=3",
				"wamp.defaults.callee.queue-capacity=7", "wamp.defaults.subscriber.concurrency=2",
				"wamp.defaults.subscriber.queue-capacity=9")
			.withBean(WampTemplateCustomizer.class,
					() -> (template) -> template.withBlockTimeout(Duration.ofSeconds(3)))
			.run((context) -> {
				WampExceptionTranslator translator = context.getBean(WampExceptionTranslator.class);
				assertThat(translator.defaultUri()).isEqualTo("com.example.error.internal");
				assertThat(translator.uriFor(java.util.NoSuchElementException.class))
					.isEqualTo("com.example.error.not_found");
				assertThat(translator.uriFor(IllegalArgumentException.class)).isEqualTo("wamp.error.invalid_argument");
				WampTemplate template = context.getBean("wampTemplate", WampTemplate.class);
				assertThat(template.getPeer().uriPrefix()).isEqualTo("com.example");
				assertThat(template.getCallRetry().maxRetries()).isEqualTo(5);
				assertThat(template.getCallRetry().isIdempotent("com.example.get", "com.example")).isTrue();
				assertThat(template.getCallRetry().isIdempotent("com.other.list", "com.example")).isTrue();
				assertThat(translator.includesExceptionMessage()).isTrue();
				WampEndpointRegistry registry = context.getBean(WampEndpointRegistry.class);
				assertThat(registry.getProcedureLimits()).isEqualTo(new WampHandlerLimits(3, 7));
				assertThat(registry.getSubscriptionLimits()).isEqualTo(new WampHandlerLimits(2, 9));
				assertThat(template.getCallOptions().timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(template.getCallOptions().discloseMe()).isTrue();
				assertThat(template.getPublishOptions().excludeMe()).isFalse();
				assertThat(template.getNexusUris().uri(NexusService.WHOAMI, "x")).isEqualTo("my.whoami");
				assertThat(template.getNexusUris().uri(NexusService.METADATA_GET, "x"))
					.isEqualTo("com.izaber.wamp.my.metadata.get");
				assertThat(context).hasBean(WampBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
					.hasBean(WampBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME);
			});
	}

	@Test
	void callRetriesAreOffByDefaultAndTheTemplateExistsWithoutAPeer() {
		this.runner.run((context) -> {
			WampTemplate template = context.getBean(WampTemplate.class);
			assertThat(template.getCallRetry().isEnabled()).isFalse();
			assertThat(org.assertj.core.api.Assertions.catchThrowable(template::getPeer))
				.hasMessageContaining("wamp.routers.<name>.url");
		});
	}

	@Test
	void userBeansWin() {
		WampAuthenticatorFactory factory = (method, credentials) -> AnonymousAuthenticator.INSTANCE;
		this.runner.withBean(WampAuthenticatorFactory.class, () -> factory)
			.run((context) -> assertThat(context.getBean(WampAuthenticatorFactory.class)).isSameAs(factory));
	}

	static class Handlers {

		String echo(String text) {
			return text;
		}

		void onHello(String text) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		WampClientOptionsCustomizer second() {
			return (router, builder) -> builder.defaultErrorUri("com.example.second");
		}

		@Bean
		@Order(1)
		WampClientOptionsCustomizer first() {
			return (router, builder) -> builder.defaultErrorUri("com.example.first");
		}

	}

}
