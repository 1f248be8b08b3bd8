package io.wampspring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.boot.actuate.metrics.WampClientMetrics;
import io.wampspring.boot.actuate.metrics.WampObservationMeters;
import io.wampspring.boot.actuate.metrics.WampOverloadMeters;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the WAMP client meters: {@code wamp.client.sessions},
 * {@code wamp.client.reconnects} and {@code wamp.client.events.overflowed} from the peers'
 * state, and {@code wamp.client.calls},
 * {@code wamp.client.invocations}, {@code wamp.client.events.published} and
 * {@code wamp.client.events.received} from the Spring layer's observations, and
 * {@code wamp.client.invocations.rejected} and {@code wamp.client.events.dropped} counted as
 * handlers refuse work (so they need the
 * observation registry that Spring Boot's Micrometer auto-configuration provides). Spring
 * Boot binds every {@code MeterBinder} bean to the meter registry and registers every
 * {@code ObservationHandler} bean with the observation registry.
 */
@AutoConfiguration(after = WampAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ WampPeers.class, MeterRegistry.class })
public final class WampMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WampClientMetrics wampClientMetrics(WampPeers peers) {
		return new WampClientMetrics(peers);
	}

	@Bean
	@ConditionalOnMissingBean
	WampOverloadMeters wampOverloadMeters(MeterRegistry meterRegistry) {
		return new WampOverloadMeters(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	WampObservationMeters wampObservationMeters(MeterRegistry meterRegistry) {
		return new WampObservationMeters(meterRegistry);
	}

}
