package io.wampspring.router.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.core.auth.WampCra;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code wampcra} method (WAMP Challenge-Response Authentication) against static
 * users: the router sends a challenge (a JSON string with the authid, role, a nonce, a
 * timestamp and the session id), and the client answers with the Base64 HMAC-SHA256 of
 * it, keyed with its secret. For salted secrets the CHALLENGE also carries {@code salt},
 * {@code iterations} and {@code keylen}; the client derives the key with PBKDF2 and the
 * user's configured secret is that derived key. The computations are wamp-core's
 * {@link WampCra}.
 */
public final class WampCraAuthenticator implements Authenticator {

	private final Map<String, User> users;

	private WampCraAuthenticator(Map<String, User> users) {
		this.users = Map.copyOf(users);
	}

	/**
	 * An authenticator for static users.
	 * @param users the users by authid; those with a secret can use WAMP-CRA
	 * @return the authenticator
	 */
	public static WampCraAuthenticator forUsers(Map<String, User> users) {
		return new WampCraAuthenticator(users);
	}

	@Override
	public String authMethod() {
		return WampCra.AUTHMETHOD;
	}

	@Override
	public boolean supports(AuthRequest request) {
		return user(request) != null;
	}

	private @Nullable User user(AuthRequest request) {
		User user = (request.authid() != null) ? this.users.get(request.authid()) : null;
		return (user != null && user.secret() != null) ? user : null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		User user = user(request);
		if (user == null) {
			return Mono.just(AuthDecision.reject("no WAMP-CRA user '" + request.authid() + "'"));
		}
		String challenge = WampCra.newChallenge(user.authid(), user.role(), "static", request.session());
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("challenge", challenge);
		if (user.salt() != null) {
			extra.put("salt", user.salt());
			extra.put("iterations", (long) user.iterations());
			extra.put("keylen", (long) user.keylen());
		}
		return Mono.just(AuthDecision.challenge(extra, new Pending(user, challenge)));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending) || pending.user().secret() == null) {
			return Mono.just(AuthDecision.reject("no WAMP-CRA challenge is pending"));
		}
		if (!WampCra.verify(pending.user().secret(), pending.challenge(), signature)) {
			return Mono
				.just(AuthDecision.reject("invalid WAMP-CRA signature for authid '" + pending.user().authid() + "'"));
		}
		return Mono.just(AuthDecision.accept(pending.user().authid(), pending.user().role()));
	}

	private record Pending(User user, String challenge) {
	}

}
