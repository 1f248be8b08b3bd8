package io.wampspring.sample.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * In the {@code external} profile, authenticates the sample's session with the
 * credentials in {@code WAMP_AUTHID} / {@code WAMP_SECRET} when they are given (ticket
 * authentication), and joins anonymously otherwise. A configuration file cannot say "only
 * when the variable is set", hence this post-processor. Runs after the configuration
 * files are read, so that the profiles they activate count.
 */
public class ExternalRouterEnvironment implements EnvironmentPostProcessor, Ordered {

	/** The profile that joins an external router. */
	public static final String PROFILE = "external";

	private static final String AUTH = "wamp.routers.sample.auth.";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		String authid = text(environment.getProperty("WAMP_AUTHID"));
		String secret = text(environment.getProperty("WAMP_SECRET"));
		Map<String, Object> auth = new LinkedHashMap<>();
		if (authid != null) {
			auth.put(AUTH + "authid", authid);
		}
		if (secret != null) {
			if (authid == null) {
				throw new IllegalStateException(
						"WAMP_SECRET is set but WAMP_AUTHID is not: set WAMP_AUTHID to the user "
								+ "the secret belongs to, or unset WAMP_SECRET to join anonymously");
			}
			auth.put(AUTH + "method", "ticket");
			auth.put(AUTH + "secret", secret);
		}
		if (!auth.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("sampleExternalRouterAuth", auth));
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
