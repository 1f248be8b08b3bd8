package io.wampspring.router.auth;

import reactor.core.publisher.Mono;

/**
 * Checks a ticket (a password or token) that a client sent in AUTHENTICATE; the
 * application hook of {@link TicketAuthenticator}. It may check the token's shape and
 * then look it up in a store or over HTTP, as long as it does not block.
 */
@FunctionalInterface
public interface TicketVerifier {

	/**
	 * Check a ticket.
	 * @param request the HELLO (with the announced authid, possibly null)
	 * @param ticket the ticket; never log it
	 * @return an {@link AuthDecision.Accept} with the authid and role to use, or an
	 * {@link AuthDecision.Reject}; an empty Mono rejects with a generic message
	 */
	Mono<AuthDecision> verify(AuthRequest request, String ticket);

}
