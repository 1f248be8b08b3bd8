package io.wampspring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link WampConfigurationException} at start-up as a readable failure
 * analysis: the property, what is wrong, and how to fix it. First in order, so that
 * Spring Boot's generic analyzers (such as the one for a missing bean) do not describe a
 * cause of it instead, whatever the order of the jars on the class path.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class WampConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WampConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WampConfigurationException cause) {
		String reason = cause.getReason();
		String description = "The WAMP configuration property '" + cause.getProperty() + "' is invalid: " + reason
				+ (reason.endsWith("?") ? "" : ".");
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
