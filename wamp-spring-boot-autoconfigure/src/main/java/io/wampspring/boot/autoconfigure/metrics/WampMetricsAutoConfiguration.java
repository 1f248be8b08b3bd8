package io.wampspring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.boot.actuate.metrics.WampClientMetrics;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.boot.peer.WampPeers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the WAMP client meters ({@code wamp.client.sessions},
 * {@code wamp.client.reconnects}). Spring Boot binds every {@code MeterBinder} bean to the
 * meter registry.
 */
@AutoConfiguration(after = WampAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ WampPeers.class, MeterRegistry.class })
public final class WampMetricsAutoConfiguration {

	// TODO(lead): the call/invocation/event meters and the wamp.template / wamp.listener
	// observations belong to the Spring layer (WampTemplate and the handler adapter), which
	// should take an ObservationRegistry; register its ObservationConvention beans here.

	@Bean
	@ConditionalOnMissingBean
	WampClientMetrics wampClientMetrics(WampPeers peers) {
		return new WampClientMetrics(peers);
	}

}
