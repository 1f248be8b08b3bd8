package io.wampspring.client.auth;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The {@code anonymous} method: no credentials. Routers do not challenge it.
 */
public final class AnonymousAuthenticator implements ClientAuthenticator {

	/** The shared instance. */
	public static final AnonymousAuthenticator INSTANCE = new AnonymousAuthenticator();

	private AnonymousAuthenticator() {
	}

	@Override
	public String authMethod() {
		return "anonymous";
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		return Mono
			.error(new IllegalStateException("the router challenged the anonymous method, which has no credentials"));
	}

}
