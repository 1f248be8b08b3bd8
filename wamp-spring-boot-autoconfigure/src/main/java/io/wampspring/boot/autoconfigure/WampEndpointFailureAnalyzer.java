package io.wampspring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.wampspring.spring.config.InvalidWampEndpointException;
import io.wampspring.spring.config.InvalidWampEndpointException.Problem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports an {@link InvalidWampEndpointException} at start-up as a readable failure
 * analysis: each problem with every bean method involved, and what to do about each.
 * First in order, like {@link WampConfigurationFailureAnalyzer}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class WampEndpointFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWampEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidWampEndpointException cause) {
		StringBuilder description = new StringBuilder();
		Set<String> actions = new LinkedHashSet<>();
		if (cause.getProblems().size() == 1) {
			description.append("A WAMP endpoint cannot be served: ")
				.append(cause.getProblems().get(0).reason())
				.append('.');
		}
		else {
			description.append("WAMP endpoints cannot be served:");
			for (Problem problem : cause.getProblems()) {
				description.append(System.lineSeparator()).append("  - ").append(problem.reason()).append('.');
			}
		}
		cause.getProblems().forEach((problem) -> actions.add(problem.action()));
		String action = (actions.size() == 1) ? actions.iterator().next()
				: "  - " + String.join("." + System.lineSeparator() + "  - ", actions) + ".";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
