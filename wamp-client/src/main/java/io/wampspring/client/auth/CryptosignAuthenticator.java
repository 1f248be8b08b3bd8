package io.wampspring.client.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.auth.Cryptosign;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.TlsChannelBinding;
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
 * Channel binding ({@link #withChannelBinding(String)}) signs the challenge XORed with
 * the connection's channel id: the SHA-256 of its RFC 5929 {@code tls-unique} data (TLS
 * 1.2), or its RFC 9266 {@code tls-exporter} data (TLS 1.3), see
 * {@link TlsChannelBinding}. The data comes from the Bouncy Castle JSSE provider
 * ({@code TlsProvider.BOUNCY_CASTLE} on the transport); where the connection cannot
 * provide it (not TLS, Java's own TLS provider, {@code tls-unique} on TLS 1.3) the join
 * fails with a {@link WampAuthenticationException} that says so rather than sign without
 * it, and so it does when the router's CHALLENGE does not confirm the binding asked for.
 */
public final class CryptosignAuthenticator implements ClientAuthenticator {

	private final CryptosignKey key;

	private final @Nullable String channelBinding;

	private CryptosignAuthenticator(CryptosignKey key, @Nullable String channelBinding) {
		this.key = Objects.requireNonNull(key, "key");
		this.channelBinding = channelBinding;
	}

	/**
	 * Create an authenticator without channel binding.
	 * @param key the private key
	 */
	public CryptosignAuthenticator(CryptosignKey key) {
		this(key, null);
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
	 * A copy that binds the signature to the TLS channel with {@code tls-unique} (TLS
	 * 1.2); see {@link #withChannelBinding(String)}.
	 * @return the new authenticator
	 */
	public CryptosignAuthenticator withTlsUniqueChannelBinding() {
		return withChannelBinding(TlsChannelBinding.TLS_UNIQUE);
	}

	/**
	 * A copy that binds the signature to the TLS channel: {@code tls-unique} for TLS 1.2,
	 * {@code tls-exporter} for TLS 1.3. The join then fails, with a
	 * {@link WampAuthenticationException} that says why, when the connection cannot
	 * provide the data (not TLS, a TLS provider other than Bouncy Castle's, or
	 * {@code tls-unique} on TLS 1.3) or the router does not confirm the binding.
	 * @param type {@code tls-unique} or {@code tls-exporter}, or null for none
	 * @return the new authenticator
	 * @throws IllegalArgumentException for another type
	 */
	public CryptosignAuthenticator withChannelBinding(@Nullable String type) {
		if (type != null && !TlsChannelBinding.isKnown(type)) {
			throw new IllegalArgumentException("unknown cryptosign channel binding '" + type + "': use "
					+ TlsChannelBinding.TLS_UNIQUE + " (TLS 1.2) or " + TlsChannelBinding.TLS_EXPORTER + " (TLS 1.3)");
		}
		return new CryptosignAuthenticator(this.key, type);
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
	 * @return true after {@link #withChannelBinding(String)} with a type
	 */
	public boolean isChannelBound() {
		return this.channelBinding != null;
	}

	/**
	 * The channel binding type.
	 * @return {@code tls-unique}, {@code tls-exporter}, or null
	 */
	public @Nullable String channelBinding() {
		return this.channelBinding;
	}

	@Override
	public String authMethod() {
		return Cryptosign.AUTHMETHOD;
	}

	@Override
	public Map<String, Object> authExtra() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("pubkey", this.key.publicKeyHex());
		if (this.channelBinding != null) {
			extra.put("channel_binding", this.channelBinding);
		}
		return extra;
	}

	@Override
	public Mono<AuthResponse> respond(String authMethod, Map<String, Object> extra) {
		if (this.channelBinding != null) {
			return Mono.error(new IllegalStateException("cryptosign with " + this.channelBinding
					+ " channel binding needs the connection's channel data; use start(context)"));
		}
		return sign(extra, null);
	}

	@Override
	public Exchange start(AuthContext context) {
		String type = this.channelBinding;
		byte @Nullable [] channelId = null;
		if (type != null) {
			if (!context.isSecure()) {
				throw new IllegalStateException("cryptosign channel binding '" + type
						+ "' needs TLS, but the connection to " + context.address()
						+ " is not encrypted; use wss:// or tcps://, or drop the channel binding");
			}
			TlsChannelBinding.Result binding = context.channelBinding(type);
			byte[] data = binding.data();
			if (data == null) {
				throw new IllegalStateException("cryptosign channel binding '" + type + "' is configured, but the "
						+ "connection to " + context.address() + " cannot provide it: " + binding.problem());
			}
			channelId = TlsChannelBinding.channelId(type, data);
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
				if (type != null) {
					// the specification asks the client to check that the router binds to
					// the same channel: signing without a binding the router did not
					// confirm could not succeed, and would hide a downgrade
					Object confirmed = challengeExtra.get("channel_binding");
					if (!type.equals(confirmed)) {
						return Mono.error(new IllegalStateException("cryptosign channel binding '" + type
								+ "' was asked for, but the router's CHALLENGE confirms "
								+ ((confirmed != null) ? "'" + confirmed + "'" : "none")
								+ "; the router does not support it: drop the channel binding or use a router that "
								+ "supports it"));
					}
				}
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
				+ ((this.channelBinding != null) ? ", channelBinding=" + this.channelBinding : "") + "]";
	}

}
