package io.wampspring.client.auth;

import java.util.Map;
import java.util.Objects;

import io.wampspring.core.auth.WampCra;
import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code wampcra} method (WAMP Challenge-Response Authentication): the client answers
 * the router's challenge string with its Base64 HMAC-SHA256, keyed with the shared
 * secret. When the CHALLENGE carries {@code salt} (with {@code iterations} and
 * {@code keylen}), the key is first derived from the secret with PBKDF2-HMAC-SHA256, as
 * Autobahn and Crossbar.io do; that derivation runs off the I/O thread. The secret never
 * appears in logs, messages or {@link #toString()}.
 *
 * @see WampCra
 */
public final class WampCraAuthenticator implements ClientAuthenticator {

	private final String secret;

	/**
	 * Create an authenticator.
	 * @param secret the shared secret (for salted users: the password the key is derived
	 * from)
	 */
	public WampCraAuthenticator(String secret) {
		this.secret = Objects.requireNonNull(secret, "secret");
	}

	@Override
	public String authMethod() {
		return WampCra.AUTHMETHOD;
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		String challenge = Dicts.string(extra, "challenge");
		if (challenge == null) {
			return Mono.error(new IllegalArgumentException("the WAMP-CRA challenge has no 'challenge' string"));
		}
		String salt = Dicts.string(extra, "salt");
		if (salt == null) {
			return Mono.fromCallable(() -> new AuthResponse(WampCra.sign(this.secret, challenge), Map.of()));
		}
		int iterations = parameter(Dicts.integer(extra, "iterations"), "iterations", WampCra.DEFAULT_ITERATIONS);
		int keyLength = parameter(Dicts.integer(extra, "keylen"), "keylen", WampCra.DEFAULT_KEY_LENGTH);
		// PBKDF2 takes as long as the router's iteration count says: not on the I/O
		// thread
		return Mono
			.fromCallable(() -> new AuthResponse(WampCra.signature(this.secret, challenge, salt, iterations, keyLength),
					Map.of()))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static int parameter(@Nullable Long value, String name, int defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		if (value < 1 || value > 10_000_000) {
			throw new IllegalArgumentException("the WAMP-CRA challenge's '" + name + "' is out of range: " + value);
		}
		return value.intValue();
	}

	@Override
	public String toString() {
		return "WampCraAuthenticator[secret=******]";
	}

}
