package io.wampspring.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns on {@code spring.main.keep-alive} by default, so that an application whose only
 * work is serving WAMP (no web server) keeps running after start-up: the sessions' Netty
 * threads are daemon threads and would not keep the JVM alive on their own. Set
 * {@code spring.main.keep-alive=false} to opt out; the keep-alive thread ends when the
 * context closes, so shutdown is unchanged.
 */
public class WampKeepAliveEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The name of the property source holding the default. */
	public static final String PROPERTY_SOURCE_NAME = "wampKeepAliveDefault";

	static final String KEEP_ALIVE = "spring.main.keep-alive";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// runs after the configuration files were loaded: a value set anywhere
		// (application.yml, the command line, the application's default properties) is
		// left alone
		if (!environment.containsProperty(KEEP_ALIVE)
				&& !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(KEEP_ALIVE, "true")));
		}
	}

}
