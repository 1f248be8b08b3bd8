package io.wampspring.core.auth;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one WAMP-SCRAM authentication: the nonce for HELLO, the ClientProof
 * for the CHALLENGE, and the check of the router's server signature in WELCOME (so the
 * router is authenticated too). Create one per attempt; not thread-safe (an attempt is
 * sequential). {@link #toString()} shows no secret.
 *
 * <pre>
 * ScramClient scram = new ScramClient(ScramVariant.SPEC, "user", password);
 * hello.authextra = scram.helloAuthExtra();                        // HELLO
 * String signature = scram.respond(challenge.extra());              // AUTHENTICATE signature
 * authenticate.extra = scram.authenticateExtra();
 * if (!scram.verifyServer(welcomeAuthExtra)) { abort }              // WELCOME
 * </pre>
 */
public final class ScramClient {

	/**
	 * The largest Argon2 memory cost accepted from a router by default (256 MiB): a rogue
	 * or misconfigured router must not be able to exhaust the client's memory.
	 */
	public static final int DEFAULT_MAX_MEMORY_KIB = 256 * 1024;

	private final ScramVariant variant;

	private final String authid;

	private final String password;

	private final String clientNonce;

	private final @Nullable String channelBinding;

	private final byte @Nullable [] channelData;

	private final int maxMemoryKiB;

	private @Nullable String nonce;

	private @Nullable String authMessage;

	private byte @Nullable [] serverKey;

	/**
	 * A client with a random nonce and no channel binding.
	 * @param variant the dialect ({@link ScramVariant#SPEC} for routers that follow the
	 * specification, {@link ScramVariant#AUTOBAHN} for Crossbar.io)
	 * @param authid the user name, sent as {@code HELLO.Details.authid}
	 * @param password the password
	 */
	public ScramClient(ScramVariant variant, String authid, String password) {
		this(variant, authid, password, Scram.newNonce(), null, null, DEFAULT_MAX_MEMORY_KIB);
	}

	/**
	 * A client with every parameter.
	 * @param variant the dialect
	 * @param authid the user name
	 * @param password the password
	 * @param clientNonce the client nonce (Base64 of random bytes, see
	 * {@link Scram#newNonce()}); fixed only in tests
	 * @param channelBinding the channel binding type (for example {@code "tls-unique"}),
	 * or {@code null}
	 * @param channelData the channel binding data of the TLS connection, required with a
	 * channel binding type
	 * @param maxMemoryKiB the largest Argon2 memory cost to accept from the router
	 */
	public ScramClient(ScramVariant variant, String authid, String password, String clientNonce,
			@Nullable String channelBinding, byte @Nullable [] channelData, int maxMemoryKiB) {
		if ((channelBinding == null) != (channelData == null)) {
			throw new IllegalArgumentException(
					"WAMP-SCRAM channel binding needs both a type and the channel data, or neither");
		}
		this.variant = variant;
		this.authid = authid;
		this.password = password;
		this.clientNonce = clientNonce;
		this.channelBinding = channelBinding;
		this.channelData = (channelData != null) ? channelData.clone() : null;
		this.maxMemoryKiB = maxMemoryKiB;
	}

	/**
	 * The authmethod to announce.
	 * @return the variant's authmethod name
	 */
	public String authMethod() {
		return this.variant.authMethod();
	}

	/**
	 * The client nonce.
	 * @return the nonce sent in HELLO
	 */
	public String clientNonce() {
		return this.clientNonce;
	}

	/**
	 * The {@code HELLO.Details.authextra} entries: {@code nonce}, and
	 * {@code channel_binding} when channel binding is used.
	 * @return a new mutable map
	 */
	public Map<String, Object> helloAuthExtra() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("nonce", this.clientNonce);
		if (this.channelBinding != null) {
			extra.put("channel_binding", this.channelBinding);
		}
		return extra;
	}

	/**
	 * Answer the router's CHALLENGE: check its nonce and parameters, derive the salted
	 * password (the expensive step) and compute the ClientProof.
	 * @param challengeExtra {@code CHALLENGE.Details}: {@code nonce}, {@code salt},
	 * {@code kdf}, {@code iterations}, and {@code memory} for Argon2
	 * @return the Base64 ClientProof, the AUTHENTICATE signature
	 * @throws IllegalArgumentException if the challenge is malformed, its nonce does not
	 * extend the client nonce, or its cost parameters are out of range; the message names
	 * the field
	 */
	public String respond(Map<String, ?> challengeExtra) {
		String nonce = required(Dicts.string(challengeExtra, "nonce"), "nonce");
		String salt = required(Dicts.string(challengeExtra, "salt"), "salt");
		ScramKdf kdf = ScramKdf.fromWire(required(Dicts.string(challengeExtra, "kdf"), "kdf"));
		int iterations = positiveInt(Dicts.integer(challengeExtra, "iterations"), "iterations");
		int memory = 0;
		if (kdf == ScramKdf.ARGON2ID13) {
			memory = positiveInt(Dicts.integer(challengeExtra, "memory"), "memory");
			if (memory > this.maxMemoryKiB) {
				throw new IllegalArgumentException("WAMP-SCRAM challenge asks for " + memory
						+ " KiB of Argon2 memory, more than the allowed " + this.maxMemoryKiB + " KiB");
			}
		}
		if (!this.variant.nonceExtends(this.clientNonce, nonce)) {
			throw new IllegalArgumentException(
					"WAMP-SCRAM challenge nonce does not extend the client nonce sent in HELLO; refusing to answer");
		}
		byte[] saltedPassword = this.variant.saltedPassword(kdf, this.password, salt, iterations, memory);
		String message = Scram.authMessage(this.variant.user(this.authid), this.clientNonce, nonce, salt, iterations,
				this.variant.channelBindingAttribute(this.channelBinding, this.channelData));
		byte[] proof = Scram.clientProof(Scram.clientKey(saltedPassword), message);
		this.nonce = nonce;
		this.authMessage = message;
		this.serverKey = Scram.serverKey(saltedPassword);
		return Base64.getEncoder().encodeToString(proof);
	}

	/**
	 * The {@code AUTHENTICATE.Extra} entries: for {@link ScramVariant#SPEC} the
	 * {@code nonce}, and {@code channel_binding} and {@code cbind_data} with channel
	 * binding; nothing for {@link ScramVariant#AUTOBAHN}.
	 * @return a new mutable map
	 * @throws IllegalStateException before {@link #respond(Map)}
	 */
	public Map<String, Object> authenticateExtra() {
		String nonce = this.nonce;
		if (nonce == null) {
			throw new IllegalStateException("respond(challenge) must be called first");
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		if (this.variant == ScramVariant.SPEC) {
			extra.put("nonce", nonce);
			if (this.channelBinding != null && this.channelData != null) {
				extra.put("channel_binding", this.channelBinding);
				extra.put("cbind_data", Base64.getEncoder().encodeToString(this.channelData));
			}
		}
		return extra;
	}

	/**
	 * Check the router's server signature from {@code WELCOME.Details.authextra}, read
	 * from the variant's key; a {@code "v="} prefix is accepted.
	 * @param welcomeAuthExtra {@code WELCOME.Details.authextra}
	 * @return whether the router proved that it knows the user's server key;
	 * {@code false} when the signature is missing or malformed
	 * @throws IllegalStateException before {@link #respond(Map)}
	 */
	public boolean verifyServer(Map<String, ?> welcomeAuthExtra) {
		Object value = welcomeAuthExtra.get(this.variant.verifierKey());
		return (value instanceof String signature) && verifyServerSignature(signature);
	}

	/**
	 * Check the router's Base64 server signature (a {@code "v="} prefix is accepted).
	 * @param serverSignature the signature
	 * @return whether it is the expected one
	 * @throws IllegalStateException before {@link #respond(Map)}
	 */
	public boolean verifyServerSignature(String serverSignature) {
		byte[] key = this.serverKey;
		String message = this.authMessage;
		if (key == null || message == null) {
			throw new IllegalStateException("respond(challenge) must be called first");
		}
		String text = serverSignature.startsWith("v=") ? serverSignature.substring(2) : serverSignature;
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return Scram.verifyServerSignature(key, message, signature);
	}

	private static String required(@Nullable String value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("WAMP-SCRAM challenge has no '" + name + "'");
		}
		return value;
	}

	private static int positiveInt(@Nullable Long value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("WAMP-SCRAM challenge has no '" + name + "'");
		}
		if (value < 1 || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("WAMP-SCRAM challenge '" + name + "' is out of range: " + value);
		}
		return value.intValue();
	}

	/**
	 * Shows the variant and authid, never the password.
	 * @return a description without secret material
	 */
	@Override
	public String toString() {
		return "ScramClient[variant=" + this.variant + ", authid=" + this.authid + "]";
	}

}
