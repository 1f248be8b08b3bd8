package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.auth.TicketAuthenticator;
import io.wampspring.client.auth.WampAuthenticationException;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.nexus.MetadataEntry;
import io.wampspring.router.nexus.MetadataQuota;
import io.wampspring.router.nexus.MetadataStore;
import io.wampspring.router.nexus.NexusIds;
import io.wampspring.spring.core.BlockingWampOperations;
import io.wampspring.spring.core.WampTemplate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The embedded router's Nexus settings from {@code wamp.embedded-router.nexus.*} and
 * {@code wamp.embedded-router.authentication.*}, and an application's
 * {@link MetadataStore} bean, seen through the template's helpers.
 */
class WampEmbeddedRouterNexusTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class))
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1");

	private static BlockingWampOperations joined(WampTemplate template) {
		template.getPeer().connect().block(TIMEOUT);
		return template.blocking();
	}

	@Test
	void propertiesSetThePrefixAndTheQuotas() {
		this.runner
			.withPropertyValues("wamp.embedded-router.nexus.prefix=com.izaber.wamp",
					"wamp.nexus.prefix=com.izaber.wamp", "wamp.embedded-router.nexus.metadata.max-entries=2")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(InMemoryMetadataStore.class);
				BlockingWampOperations wamp = joined(context.getBean(WampTemplate.class));
				assertThat(wamp.whoami()).containsEntry("role", "anonymous");
				assertThat(wamp.metadataSet("a", 1)).isEqualTo(1);
				assertThat(wamp.metadataSet("b", 2)).isEqualTo(2);
				assertThatExceptionOfType(WampException.class).isThrownBy(() -> wamp.metadataSet("c", 3))
					.satisfies((ex) -> assertThat(ex.getUri()).isEqualTo(RouterLimits.LIMIT_EXCEEDED));
				assertThat(context.getBean(InMemoryMetadataStore.class).owners()).isEqualTo(1);
			});
	}

	@Test
	void anApplicationsMetadataStoreBeanKeepsTheValues() {
		this.runner.withUserConfiguration(StoreConfig.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(InMemoryMetadataStore.class);
			BlockingWampOperations wamp = joined(context.getBean(WampTemplate.class));
			wamp.metadataSet("color", "blue");
			RecordingStore store = context.getBean(RecordingStore.class);
			assertThat(store.entries.values()).extracting(MetadataEntry::value).containsExactly("blue");
			assertThat(wamp.metadataGet("color", String.class)).isEqualTo("blue");
		});
	}

	@Test
	void anInvalidBoundNamesItsProperty() {
		this.runner.withPropertyValues("wamp.embedded-router.nexus.otp.lifetime=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("wamp.embedded-router.nexus.otp.lifetime");
		});
	}

	@Test
	void preciseErrorsTellAnUnknownAuthid() {
		this.runner
			.withPropertyValues("wamp.embedded-router.port=0",
					"wamp.embedded-router.authentication.precise-errors=true",
					"wamp.embedded-router.realms.secure.users.joe.secret=joe-secret",
					"wamp.embedded-router.realms.secure.users.joe.role=user")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampRouter router = context.getBean(WampRouter.class);
				WampClient client = WampClient.create(ClientOptions.builder(router.webSocketUrl(), "secure")
					.authid("nobody")
					.authenticator(new TicketAuthenticator("guess"))
					.build());
				try {
					StepVerifier.create(client.connect())
						.expectErrorSatisfies(
								(error) -> assertThat(error).isInstanceOfSatisfying(WampAuthenticationException.class,
										(ex) -> assertThat(ex.getUri()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL)))
						.verify(TIMEOUT);
				}
				finally {
					client.close().block(TIMEOUT);
				}
				await().atMost(TIMEOUT).until(() -> router.authenticationFailures().containsKey("no_such_principal"));
			});
	}

	/** A store an application would back with its database; here a map. */
	static class RecordingStore implements MetadataStore {

		final Map<String, MetadataEntry> entries = new ConcurrentHashMap<>();

		@Override
		public Mono<MetadataEntry> get(String realm, String authid, String key) {
			return Mono.justOrEmpty(this.entries.get(realm + "/" + authid + "/" + key));
		}

		@Override
		public Mono<List<MetadataEntry>> list(String realm, String authid) {
			String prefix = realm + "/" + authid + "/";
			return Mono.fromSupplier(() -> this.entries.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(prefix))
				.map(Map.Entry::getValue)
				.toList());
		}

		@Override
		public Mono<MetadataEntry> put(String realm, String authid, String key, @Nullable Object value, long size,
				MetadataQuota quota) {
			MetadataEntry entry = new MetadataEntry(key, value, NexusIds.newUuid(), size);
			this.entries.put(realm + "/" + authid + "/" + key, entry);
			return Mono.just(entry);
		}

		@Override
		public Mono<Boolean> delete(String realm, String authid, String key) {
			return Mono.fromSupplier(() -> this.entries.remove(realm + "/" + authid + "/" + key) != null);
		}

		@Override
		public Mono<Void> deleteAll(String realm, String authid) {
			return Mono
				.fromRunnable(() -> this.entries.keySet().removeIf((k) -> k.startsWith(realm + "/" + authid + "/")));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfig {

		@Bean
		RecordingStore recordingStore() {
			return new RecordingStore();
		}

	}

}
