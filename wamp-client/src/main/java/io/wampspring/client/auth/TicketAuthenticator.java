package io.wampspring.client.auth;

import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * The {@code ticket} method: the client answers the CHALLENGE with a shared secret (a
 * password or a token). Only use it over TLS. The ticket never appears in logs or in
 * {@link #toString()}.
 */
public final class TicketAuthenticator implements ClientAuthenticator {

	private final String ticket;

	/**
	 * Create an authenticator.
	 * @param ticket the secret
	 */
	public TicketAuthenticator(String ticket) {
		this.ticket = Objects.requireNonNull(ticket, "ticket");
	}

	@Override
	public String authMethod() {
		return "ticket";
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		return Mono.just(new AuthResponse(this.ticket, Map.of()));
	}

	@Override
	public String toString() {
		return "TicketAuthenticator[ticket=******]";
	}

}
