package io.wampspring.router.nexus;

import java.util.List;
import java.util.Map;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code ticket} method for authids that hold API keys or one-time passwords: the
 * ticket is checked against them first, then, when it is none of them, handed to the
 * realm's own ticket authenticator for that authid (its password, or the application's
 * verifier), so that the owner can still log in with its password.
 */
public final class NexusTicketAuthenticator implements Authenticator {

	private final NexusCredentials credentials;

	private final List<Authenticator> fallbacks;

	/**
	 * Create an authenticator.
	 * @param credentials the realm's API keys and one-time passwords
	 * @param fallbacks the realm's other {@code ticket} authenticators, in order
	 */
	public NexusTicketAuthenticator(NexusCredentials credentials, List<Authenticator> fallbacks) {
		this.credentials = credentials;
		this.fallbacks = List.copyOf(fallbacks);
	}

	@Override
	public String authMethod() {
		return "ticket";
	}

	@Override
	public boolean supports(AuthRequest request) {
		return request.authid() != null && this.credentials.knows(request.authid());
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		return Mono.just(AuthDecision.challenge(Map.of(), null));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		String authid = request.authid();
		AuthDecision.Accept accepted = (authid != null) ? this.credentials.login(authid, signature) : null;
		if (accepted != null) {
			return Mono.just(accepted);
		}
		for (Authenticator fallback : this.fallbacks) {
			if (fallback.supports(request)) {
				return fallback.begin(request)
					.flatMap((first) -> (first instanceof AuthDecision.Challenge challenge)
							? fallback.authenticate(request, challenge.state(), signature, extra) : Mono.just(first));
			}
		}
		return Mono.just(AuthDecision.reject("invalid ticket for authid '" + authid + "'"));
	}

}
