package io.wampspring.client.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.auth.Cryptosign;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code cryptosign} method (WAMP-Cryptosign, Ed25519): HELLO announces the public
 * key in {@code authextra.pubkey}, and the client answers the router's 32-byte challenge
 * with the hex of its Ed25519 signature followed by the signed challenge, as the
 * specification says.
 * <p>
 * The key comes from a {@link CryptosignKey}: a 32-byte seed in hex, a 64-byte seed plus
 * public key in hex, or a file (see {@link CryptosignKey#fromFile(Path)}). Only the
 * public key ever appears in logs or {@link #toString()}.
 * <p>
 * Channel binding ({@link #withTlsUniqueChannelBinding()}) signs the challenge XORed with
 * the SHA-256 of the connection's RFC 5929 {@code tls-unique} data. The built-in
 * transports run on Java's TLS (JSSE), which does not expose that data, so with them a
 * join that asks for channel binding fails with a {@link WampAuthenticationException}
 * that says so rather than sign without it.
 */
public final class CryptosignAuthenticator implements ClientAuthenticator {

	private final CryptosignKey key;

	private final boolean tlsUnique;

	private CryptosignAuthenticator(CryptosignKey key, boolean tlsUnique) {
		this.key = Objects.requireNonNull(key, "key");
		this.tlsUnique = tlsUnique;
	}

	/**
	 * Create an authenticator without channel binding.
	 * @param key the private key
	 */
	public CryptosignAuthenticator(CryptosignKey key) {
		this(key, false);
	}

	/**
	 * Create an authenticator from a private key in hex: a 32-byte seed (64 digits) or a
	 * 64-byte seed plus public key (128 digits).
	 * @param privateKeyHex the key
	 * @return the authenticator
	 * @throws IllegalArgumentException if the text is not such a key (the message never
	 * shows it)
	 */
	public static CryptosignAuthenticator fromHex(String privateKeyHex) {
		return new CryptosignAuthenticator(CryptosignKey.fromHex(privateKeyHex));
	}

	/**
	 * Create an authenticator from a private key file (either hex form, an unencrypted
	 * OpenSSH Ed25519 key, or a Crossbar.io {@code key.priv}).
	 * @param file the file
	 * @return the authenticator
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if the content is not a key (the message names the
	 * file, never its content)
	 */
	public static CryptosignAuthenticator fromFile(Path file) throws IOException {
		return new CryptosignAuthenticator(CryptosignKey.fromFile(file));
	}

	/**
	 * A copy that binds the signature to the TLS channel with {@code tls-unique}. The
	 * join then fails, with a {@link WampAuthenticationException} that says why, when the
	 * connection is not TLS or cannot provide the {@code tls-unique} data (the built-in
	 * transports cannot: JSSE does not expose it, see {@link AuthContext}).
	 * @return the new authenticator
	 */
	public CryptosignAuthenticator withTlsUniqueChannelBinding() {
		return new CryptosignAuthenticator(this.key, true);
	}

	/**
	 * The public key announced in HELLO.
	 * @return 64 hex digits
	 */
	public String publicKeyHex() {
		return this.key.publicKeyHex();
	}

	/**
	 * Whether the signature is bound to the TLS channel.
	 * @return true after {@link #withTlsUniqueChannelBinding()}
	 */
	public boolean isChannelBound() {
		return this.tlsUnique;
	}

	@Override
	public String authMethod() {
		return Cryptosign.AUTHMETHOD;
	}

	@Override
	public Map<String, Object> authExtra() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("pubkey", this.key.publicKeyHex());
		if (this.tlsUnique) {
			extra.put("channel_binding", Cryptosign.CHANNEL_BINDING_TLS_UNIQUE);
		}
		return extra;
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		if (this.tlsUnique) {
			return Mono.error(new IllegalStateException(
					"cryptosign with tls-unique channel binding needs the connection's channel data; use start(context)"));
		}
		return sign(extra, null);
	}

	@Override
	public Exchange start(AuthContext context) {
		byte @Nullable [] channelId = null;
		if (this.tlsUnique) {
			if (!context.isSecure()) {
				throw new IllegalStateException(
						"cryptosign channel binding 'tls-unique' needs TLS, but the connection to " + context.address()
								+ " is not encrypted; use wss:// or tcps://, or drop the channel binding");
			}
			byte[] data = context.tlsUnique();
			if (data == null) {
				throw new IllegalStateException("cryptosign channel binding 'tls-unique' is configured, but the TLS "
						+ "connection to " + context.address() + " cannot provide the tls-unique data: Java's TLS "
						+ "implementation (JSSE) does not expose it, and it is not defined for TLS 1.3; "
						+ "drop the channel binding");
			}
			channelId = Cryptosign.tlsUniqueChannelId(data);
		}
		Map<String, Object> helloExtra = authExtra();
		byte @Nullable [] boundTo = channelId;
		return new Exchange() {

			@Override
			public Map<String, Object> helloAuthExtra() {
				return helloExtra;
			}

			@Override
			public Mono<AuthResponse> respond(Map<String, Object> challengeExtra) {
				return sign(challengeExtra, boundTo);
			}

		};
	}

	// Ed25519 signing takes tens of microseconds: fine on the I/O thread.
	private Mono<AuthResponse> sign(Map<String, Object> extra, byte @Nullable [] channelId) {
		return Mono.fromCallable(() -> {
			String challenge = Dicts.string(extra, "challenge");
			if (challenge == null) {
				throw new IllegalArgumentException("the cryptosign challenge has no 'challenge' string");
			}
			return new AuthResponse(this.key.signChallenge(challenge, channelId), Map.of());
		});
	}

	@Override
	public String toString() {
		return "CryptosignAuthenticator[publicKey=" + this.key.publicKeyHex()
				+ (this.tlsUnique ? ", channelBinding=tls-unique" : "") + "]";
	}

}
