package io.wampspring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.boot.actuate.metrics.WampClientMetrics;
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
 * {@code wamp.client.reconnects}, {@code wamp.client.events.overflowed} and
 * {@code wamp.client.invocations.refused} from the peers' state, and
 * {@code wamp.client.invocations.rejected} and {@code wamp.client.events.dropped} counted
 * as handlers refuse work. The timers of calls, publications, invocations and events are
 * not made here: Spring Boot's meter observation handler makes one timer per observation
 * ({@code wamp.template}, {@code wamp.listener}) from its low-cardinality keys, as for
 * spring-kafka's listeners. Spring Boot binds every {@code MeterBinder} bean to the meter
 * registry.
 */
@AutoConfiguration(after = WampAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
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

}
