package io.wampspring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link WampConfigurationException} at start-up as a readable failure analysis:
 * the property, what is wrong, and how to fix it.
 */
class WampConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WampConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WampConfigurationException cause) {
		String description = "The WAMP configuration property '" + cause.getProperty() + "' is invalid: "
				+ cause.getReason() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
