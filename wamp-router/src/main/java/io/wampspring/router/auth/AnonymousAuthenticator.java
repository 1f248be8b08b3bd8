package io.wampspring.router.auth;

import java.util.Map;

import io.wampspring.core.id.GlobalIdGenerator;
import reactor.core.publisher.Mono;

/**
 * The {@code anonymous} method: admits everyone under one role with a random authid.
 */
public final class AnonymousAuthenticator implements Authenticator {

	/** The method's name, {@code anonymous}. */
	public static final String METHOD = "anonymous";

	private final String role;

	/**
	 * Create an authenticator.
	 * @param role the role of anonymous sessions
	 */
	public AnonymousAuthenticator(String role) {
		this.role = role;
	}

	@Override
	public String authMethod() {
		return METHOD;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		String authid = "anonymous-" + Long.toString(GlobalIdGenerator.next(), 36);
		return Mono.just(new AuthDecision.Accept(authid, this.role, "static", Map.of()));
	}

}
