package io.wampspring.boot.autoconfigure.health;

import io.wampspring.boot.actuate.health.WampHealthContributors;
import io.wampspring.boot.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.peer.WampPeers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code wamp} health contributor: per peer, per session (see
 * {@link io.wampspring.boot.actuate.health.WampSessionHealthIndicator}). Off with
 * {@code management.health.wamp.enabled=false}.
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(WampPeers.class)
@ConditionalOnEnabledHealthIndicator("wamp")
public final class WampHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "wampHealthContributor")
	HealthContributor wampHealthContributor(WampPeers peers) {
		return WampHealthContributors.of(peers);
	}

}
