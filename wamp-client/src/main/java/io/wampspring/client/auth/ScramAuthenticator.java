package io.wampspring.client.auth;

import java.util.Map;
import java.util.Objects;

import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramClient;
import io.wampspring.core.auth.ScramVariant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WAMP-SCRAM (salted challenge-response with Argon2id or PBKDF2): the password never
 * travels, and the router proves in WELCOME that it knows the user's server key, so the
 * router is authenticated too. A WELCOME without the right server signature aborts the
 * session with a {@link WampAuthenticationException}.
 * <p>
 * Two dialects exist, told apart by the authmethod name: {@code wamp-scram}, the WAMP
 * specification ({@link ScramVariant#SPEC}, the default), and {@code scram}, the earlier
 * draft implemented by Crossbar.io and Autobahn ({@link ScramVariant#AUTOBAHN}). The key
 * derivation (the expensive step, by design) runs off the I/O thread. SCRAM needs the
 * authid of {@link io.wampspring.client.ClientOptions}. The password never appears in
 * logs, messages or {@link #toString()}.
 */
public final class ScramAuthenticator implements ClientAuthenticator {

	private final ScramVariant variant;

	private final String password;

	private final int maxMemoryKiB;

	private ScramAuthenticator(ScramVariant variant, String password, int maxMemoryKiB) {
		this.variant = Objects.requireNonNull(variant, "variant");
		this.password = Objects.requireNonNull(password, "password");
		this.maxMemoryKiB = maxMemoryKiB;
	}

	/**
	 * An authenticator for the specification's {@code wamp-scram}.
	 * @param password the password
	 */
	public ScramAuthenticator(String password) {
		this(ScramVariant.SPEC, password, ScramClient.DEFAULT_MAX_MEMORY_KIB);
	}

	/**
	 * An authenticator for a dialect.
	 * @param variant {@link ScramVariant#SPEC} ({@code wamp-scram}) or
	 * {@link ScramVariant#AUTOBAHN} ({@code scram}, Crossbar.io)
	 * @param password the password
	 */
	public ScramAuthenticator(ScramVariant variant, String password) {
		this(variant, password, ScramClient.DEFAULT_MAX_MEMORY_KIB);
	}

	/**
	 * An authenticator for the dialect of an authmethod name.
	 * @param authMethod {@code wamp-scram} or {@code scram}
	 * @param password the password
	 * @return the authenticator
	 * @throws IllegalArgumentException for another name
	 */
	public static ScramAuthenticator forAuthMethod(String authMethod, String password) {
		ScramVariant variant = ScramVariant.forAuthMethod(authMethod);
		if (variant == null) {
			throw new IllegalArgumentException("'" + authMethod + "' is not a SCRAM method: use 'wamp-scram' (the WAMP"
					+ " specification) or 'scram' (Crossbar.io and Autobahn)");
		}
		return new ScramAuthenticator(variant, password);
	}

	/**
	 * A copy that accepts a different largest Argon2 memory cost from the router (default
	 * {@link ScramClient#DEFAULT_MAX_MEMORY_KIB}), so that a rogue router cannot exhaust
	 * the client's memory.
	 * @param maxMemoryKiB the limit in KiB, at least 8
	 * @return the new authenticator
	 */
	public ScramAuthenticator withMaxMemoryKiB(int maxMemoryKiB) {
		if (maxMemoryKiB < 8) {
			throw new IllegalArgumentException("maxMemoryKiB must be at least 8, got " + maxMemoryKiB);
		}
		return new ScramAuthenticator(this.variant, this.password, maxMemoryKiB);
	}

	/**
	 * The dialect.
	 * @return the variant
	 */
	public ScramVariant variant() {
		return this.variant;
	}

	@Override
	public String authMethod() {
		return this.variant.authMethod();
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		return Mono.error(new IllegalStateException("WAMP-SCRAM keeps state per attempt: use start(context)"));
	}

	@Override
	public Exchange start(AuthContext context) {
		String authid = context.authid();
		if (authid == null) {
			throw new IllegalStateException("WAMP-SCRAM needs an authid (the user name): set it in the client options");
		}
		return new ScramExchange(
				new ScramClient(this.variant, authid, this.password, Scram.newNonce(), null, null, this.maxMemoryKiB),
				authid);
	}

	@Override
	public String toString() {
		return "ScramAuthenticator[authmethod=" + this.variant.authMethod() + ", password=******]";
	}

	private final class ScramExchange implements Exchange {

		private final ScramClient scram;

		private final String authid;

		private volatile boolean answered;

		ScramExchange(ScramClient scram, String authid) {
			this.scram = scram;
			this.authid = authid;
		}

		@Override
		public Map<String, Object> helloAuthExtra() {
			return this.scram.helloAuthExtra();
		}

		@Override
		public Mono<AuthResponse> respond(Map<String, Object> challengeExtra) {
			return Mono.fromCallable(() -> {
				String proof = this.scram.respond(challengeExtra);
				this.answered = true;
				return new AuthResponse(proof, this.scram.authenticateExtra());
			}).subscribeOn(Schedulers.boundedElastic());
		}

		@Override
		public void verifyWelcome(Map<String, Object> welcomeAuthExtra, boolean challenged) {
			if (!this.answered) {
				throw new IllegalStateException("the router welcomed authid '" + this.authid + "' with " + authMethod()
						+ " without a challenge, so it did not prove that it knows the credential");
			}
			@Nullable Object signature = welcomeAuthExtra.get(ScramAuthenticator.this.variant.verifierKey());
			if (signature == null) {
				throw new IllegalStateException("the router's WELCOME has no " + authMethod() + " server signature"
						+ " (authextra." + ScramAuthenticator.this.variant.verifierKey()
						+ "), so it did not prove that it knows the credential of authid '" + this.authid + "'");
			}
			if (!this.scram.verifyServer(welcomeAuthExtra)) {
				throw new IllegalStateException(
						"the router's " + authMethod() + " server signature in WELCOME is wrong:"
								+ " the router does not know the credential of authid '" + this.authid
								+ "' (is it the router you meant to reach?)");
			}
		}

	}

}
