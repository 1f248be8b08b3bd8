package io.wampspring.router.auth;

import java.util.Map;

import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramServer;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.router.config.User;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * WAMP-SCRAM (SCRAM-SHA-256 after RFC 5802/7677) against static users'
 * {@link ScramCredential}s, in one of the two dialects wamp-core speaks: the
 * specification's {@code wamp-scram} ({@link ScramVariant#SPEC}) or Crossbar.io's and
 * Autobahn's {@code scram} ({@link ScramVariant#AUTOBAHN}). HELLO carries the client
 * nonce, CHALLENGE the combined nonce, salt and KDF parameters, AUTHENTICATE the Base64
 * {@code ClientProof}, and WELCOME's {@code authextra} the Base64
 * {@code ServerSignature}. The computations are wamp-core's {@link ScramServer}. Channel
 * binding is not supported.
 */
public final class ScramAuthenticator implements Authenticator {

	private final Map<String, User> users;

	private final ScramVariant variant;

	private ScramAuthenticator(Map<String, User> users, ScramVariant variant) {
		this.users = Map.copyOf(users);
		this.variant = variant;
	}

	/**
	 * An authenticator for static users, in the specification's dialect
	 * ({@code wamp-scram}).
	 * @param users the users by authid; those with a {@link ScramVariant#SPEC} credential
	 * can use it
	 * @return the authenticator
	 */
	public static ScramAuthenticator forUsers(Map<String, User> users) {
		return forUsers(users, ScramVariant.SPEC);
	}

	/**
	 * An authenticator for static users.
	 * @param users the users by authid; those with a credential of this variant can use
	 * it
	 * @param variant the dialect, which names the method ({@code wamp-scram} or
	 * {@code scram})
	 * @return the authenticator
	 */
	public static ScramAuthenticator forUsers(Map<String, User> users, ScramVariant variant) {
		return new ScramAuthenticator(users, variant);
	}

	@Override
	public String authMethod() {
		return this.variant.authMethod();
	}

	@Override
	public boolean supports(AuthRequest request) {
		return credential(request) != null;
	}

	private @Nullable ScramCredential credential(AuthRequest request) {
		User user = (request.authid() != null) ? this.users.get(request.authid()) : null;
		ScramCredential credential = (user != null) ? user.scram() : null;
		return (credential != null && credential.variant() == this.variant) ? credential : null;
	}

	@Override
	public Mono<AuthDecision> begin(AuthRequest request) {
		String authid = request.authid();
		User user = (authid != null) ? this.users.get(authid) : null;
		ScramCredential credential = credential(request);
		if (credential == null || user == null || authid == null) {
			return Mono.just(AuthDecision.reject("no WAMP-SCRAM user '" + authid + "'"));
		}
		if (!(request.authextra().get("nonce") instanceof String clientNonce) || clientNonce.isEmpty()) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM needs a client nonce in HELLO's authextra.nonce"));
		}
		if (request.authextra().get("channel_binding") != null) {
			return Mono.just(AuthDecision.reject("WAMP-SCRAM channel binding is not supported by this router"));
		}
		ScramServer server;
		try {
			server = new ScramServer(credential, authid, clientNonce, null, null);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(AuthDecision.reject(ex.getMessage()));
		}
		return Mono.just(AuthDecision.challenge(server.challengeExtra(), new Pending(user, server)));
	}

	@Override
	public Mono<AuthDecision> authenticate(AuthRequest request, @Nullable Object state, String signature,
			Map<String, Object> extra) {
		if (!(state instanceof Pending pending)) {
			return Mono.just(AuthDecision.reject("no WAMP-SCRAM challenge is pending"));
		}
		if (!pending.server().verify(signature, extra)) {
			return Mono
				.just(AuthDecision.reject("invalid WAMP-SCRAM proof for authid '" + pending.user().authid() + "'"));
		}
		return Mono.just(new AuthDecision.Accept(pending.user().authid(), pending.user().role(), "static",
				pending.server().welcomeAuthExtra()));
	}

	private record Pending(User user, ScramServer server) {
	}

}
