package io.wampspring.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScramTests {

	// RFC 7677 section 3 (SCRAM-SHA-256 test vector). The WAMP spec, "Salted Challenge
	// Response Authentication" (rfc/text/advanced/authentication_scram.md), builds the
	// AuthMessage with the RFC 5802 syntax "to use existing test vectors", and its
	// example AUTHENTICATE signature "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=" and
	// WELCOME verifier "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=" are this vector's
	// values.
	private static final String RFC_CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";

	private static final String RFC_NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

	private static final String RFC_SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";

	private static final String RFC_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";

	private static final String RFC_VERIFIER = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

	@Test
	void specPbkdf2VectorWithTheStatelessFunctions() {
		byte[] saltedPassword = Scram.saltedPassword(ScramKdf.PBKDF2, "pencil", Base64.getDecoder().decode(RFC_SALT),
				4096, 0);
		String authMessage = Scram.authMessage("user", RFC_CLIENT_NONCE, RFC_NONCE, RFC_SALT, 4096,
				Scram.channelBindingAttribute(null, null));
		assertThat(authMessage).isEqualTo("n=user,r=rOprNGfwEbeRWgbNEkqO,"
				+ "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
				+ "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
		byte[] clientKey = Scram.clientKey(saltedPassword);
		byte[] proof = Scram.clientProof(clientKey, authMessage);
		assertThat(Base64.getEncoder().encodeToString(proof)).isEqualTo(RFC_PROOF);
		byte[] serverKey = Scram.serverKey(saltedPassword);
		assertThat(Base64.getEncoder().encodeToString(Scram.serverSignature(serverKey, authMessage)))
			.isEqualTo(RFC_VERIFIER);
		byte[] storedKey = Scram.storedKey(clientKey);
		assertThat(Scram.verifyClientProof(storedKey, authMessage, proof)).isTrue();
		assertThat(Scram.verifyServerSignature(serverKey, authMessage, Base64.getDecoder().decode(RFC_VERIFIER)))
			.isTrue();
	}

	@Test
	void specPbkdf2VectorWithScramClient() {
		ScramClient client = new ScramClient(ScramVariant.SPEC, "user", "pencil", RFC_CLIENT_NONCE, null, null,
				ScramClient.DEFAULT_MAX_MEMORY_KIB);
		assertThat(client.helloAuthExtra()).containsExactly(Map.entry("nonce", RFC_CLIENT_NONCE));
		assertThat(client.authMethod()).isEqualTo("wamp-scram");
		String proof = client.respond(challenge(RFC_NONCE, RFC_SALT, "pbkdf2", 4096L, null));
		assertThat(proof).isEqualTo(RFC_PROOF);
		assertThat(client.authenticateExtra()).containsExactly(Map.entry("nonce", RFC_NONCE));
		// The spec's WELCOME example carries "v=" + signature; plain Base64 is accepted
		// too.
		assertThat(client.verifyServer(Map.of("verifier", "v=" + RFC_VERIFIER))).isTrue();
		assertThat(client.verifyServerSignature(RFC_VERIFIER)).isTrue();
		assertThat(client.verifyServerSignature("v=" + RFC_PROOF)).as("wrong server signature").isFalse();
		assertThat(client.verifyServerSignature("not base64!")).isFalse();
		assertThat(client.verifyServer(Map.of())).as("missing verifier").isFalse();
	}

	@Test
	void argon2id13MatchesTheReferenceImplementation() {
		// Autobahn|Python test_wamp_auth.py test_argon2id_static, produced with the
		// reference
		// CLI: echo -n "p4ssw0rd" | argon2 '1234567890abcdef' -id -t 32 -m 9 -p 1 -l 32
		byte[] hash = Scram.kdf(ScramKdf.ARGON2ID13, bytes("p4ssw0rd"), bytes("1234567890abcdef"), 32, 512);
		assertThat(Hex.encode(hash)).isEqualTo("ee4a8acf9d5958354fb79a95ae20692d05e42591ba49fae85eb6700e8b0ed293");
	}

	@Test
	void pbkdf2MatchesAutobahn() {
		// Autobahn|Python test_wamp_auth.py test_pbkdf2_static
		byte[] hash = Scram.kdf(ScramKdf.PBKDF2, bytes("p4ssw0rd"), bytes("1234567890abcdef"), 8, 0);
		assertThat(Hex.encode(hash)).isEqualTo("f6991a28c75f43751e0d75499fd7b8649f659118ddc1d61cee5883af547d15f5");
	}

	@Test
	void autobahnVariantReproducesAutobahnClientProof() {
		// Autobahn|Python test_wamp_auth.py TestScram.test_basic: the dialect Crossbar.io
		// speaks (argon2id-13, SaltedPassword = unpadded Base64 text of the hash, "c=").
		String salt = Hex.encode(bytes("1234567890abcdef"));
		String clientNonce = salt;
		String nonce = "1234567890abcdeffedcba0987654321";
		byte[] saltedPassword = ScramVariant.AUTOBAHN.saltedPassword(ScramKdf.ARGON2ID13, "p4ssw0rd", salt, 32, 512);
		String authMessage = Scram.authMessage(ScramVariant.AUTOBAHN.user("username"), clientNonce, nonce, salt, 32,
				ScramVariant.AUTOBAHN.channelBindingAttribute(null, null));
		assertThat(authMessage).endsWith(",i=32,c=,r=" + nonce);
		byte[] proof = Scram.clientProof(Scram.clientKey(saltedPassword), authMessage);
		assertThat(Base64.getEncoder().encodeToString(proof)).isEqualTo("f5r3loERzGVSuimE+lvO0bWna2zyswBo0HrZkaaEy38=");
	}

	@Test
	void clientAndServerAgreeInEveryVariantAndKdf() {
		for (ScramVariant variant : ScramVariant.values()) {
			for (ScramKdf kdf : ScramKdf.values()) {
				ScramCredential credential = ScramCredential.derive(variant, kdf, "s3cr3t", Scram.newSalt(), 2, 64);
				ScramClient client = new ScramClient(variant, "joe", "s3cr3t");
				ScramServer server = new ScramServer(credential, "joe", client.clientNonce(), null, null);
				Map<String, Object> challenge = server.challengeExtra();
				assertThat(challenge.get("kdf")).isEqualTo(variant.kdfName(kdf));
				assertThat(challenge.containsKey("memory")).isEqualTo(kdf == ScramKdf.ARGON2ID13);
				String proof = client.respond(challenge);
				assertThat(server.verify(proof, client.authenticateExtra())).as(variant + " " + kdf).isTrue();
				assertThat(client.verifyServer(server.welcomeAuthExtra())).as(variant + " " + kdf).isTrue();

				ScramClient wrong = new ScramClient(variant, "joe", "wrong");
				ScramServer server2 = new ScramServer(credential, "joe", wrong.clientNonce(), null, null);
				assertThat(server2.verify(wrong.respond(server2.challengeExtra()), wrong.authenticateExtra()))
					.as("wrong password " + variant + " " + kdf)
					.isFalse();
			}
		}
	}

	@Test
	void channelBindingDataEntersTheProof() {
		byte[] channel = new byte[32];
		channel[0] = 7;
		ScramCredential credential = ScramCredential.derive(ScramVariant.SPEC, ScramKdf.PBKDF2, "pw", Scram.newSalt(),
				16, 0);
		ScramClient client = new ScramClient(ScramVariant.SPEC, "joe", "pw", Scram.newNonce(), "tls-unique", channel,
				ScramClient.DEFAULT_MAX_MEMORY_KIB);
		assertThat(client.helloAuthExtra()).containsEntry("channel_binding", "tls-unique");
		ScramServer server = new ScramServer(credential, "joe", client.clientNonce(), "tls-unique", channel);
		String proof = client.respond(server.challengeExtra());
		assertThat(client.authenticateExtra()).containsEntry("channel_binding", "tls-unique")
			.containsEntry("cbind_data", Base64.getEncoder().encodeToString(channel));
		assertThat(server.verify(proof, client.authenticateExtra())).isTrue();

		byte[] otherChannel = channel.clone();
		otherChannel[0] = 8;
		ScramClient relayed = new ScramClient(ScramVariant.SPEC, "joe", "pw", Scram.newNonce(), "tls-unique",
				otherChannel, ScramClient.DEFAULT_MAX_MEMORY_KIB);
		ScramServer server2 = new ScramServer(credential, "joe", relayed.clientNonce(), "tls-unique", channel);
		assertThat(server2.verify(relayed.respond(server2.challengeExtra()), relayed.authenticateExtra()))
			.as("client on another TLS channel")
			.isFalse();
		assertThat(Scram.channelBindingAttribute("tls-unique", new byte[] { 1, 2 })).isEqualTo(Base64.getEncoder()
			.encodeToString(new byte[] { 'p', '=', 't', 'l', 's', '-', 'u', 'n', 'i', 'q', 'u', 'e', ',', ',', 1, 2 }));
	}

	@Test
	void serverRejectsTamperedProofNonceAndChannelBinding() {
		ScramCredential credential = ScramCredential.derive(ScramVariant.SPEC, ScramKdf.PBKDF2, "pw", Scram.newSalt(),
				16, 0);
		ScramClient client = new ScramClient(ScramVariant.SPEC, "joe", "pw");
		ScramServer server = new ScramServer(credential, "joe", client.clientNonce(), null, null);
		String proof = client.respond(server.challengeExtra());
		byte[] tampered = Base64.getDecoder().decode(proof);
		tampered[0] ^= 1;
		assertThat(server.verify(Base64.getEncoder().encodeToString(tampered), Map.of())).isFalse();
		assertThat(server.verify(proof, Map.of("nonce", server.nonce() + "x"))).isFalse();
		assertThat(server.verify(proof, Map.of("channel_binding", "tls-unique"))).isFalse();
		assertThat(server.verify("%%%", Map.of())).isFalse();
		assertThat(server.verify(proof.substring(4), Map.of())).as("short proof").isFalse();
		assertThat(server.verify(proof, Map.of())).isTrue();
	}

	@Test
	void clientRefusesANonceThatDoesNotExtendItsOwn() {
		ScramClient client = new ScramClient(ScramVariant.SPEC, "joe", "pw");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> client.respond(challenge("someoneElse" + Scram.newNonce(), RFC_SALT, "pbkdf2", 16L, null)))
			.withMessageContaining("does not extend the client nonce");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(client.clientNonce(), RFC_SALT, "pbkdf2", 16L, null)))
			.as("nothing added by the server")
			.withMessageContaining("does not extend");
		ScramClient autobahn = new ScramClient(ScramVariant.AUTOBAHN, "joe", "pw");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> autobahn.respond(challenge(Scram.newNonce(), RFC_SALT, "pbkdf2", 16L, null)))
			.withMessageContaining("does not extend");
	}

	@Test
	void clientNamesMalformedChallengesAndNeverThePassword() {
		ScramClient client = new ScramClient(ScramVariant.SPEC, "joe", "hunter2");
		String nonce = client.clientNonce() + "abc";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(nonce, RFC_SALT, "md5", 16L, null)))
			.withMessageContaining("Unsupported WAMP-SCRAM kdf 'md5'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(nonce, RFC_SALT, "argon2id13", 2L, null)))
			.withMessageContaining("no 'memory'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(nonce, RFC_SALT, "argon2id13", 2L, 4L * 1024 * 1024)))
			.withMessageContaining("KiB of Argon2 memory");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(nonce, RFC_SALT, "pbkdf2", 0L, null)))
			.withMessageContaining("'iterations' is out of range");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.respond(challenge(nonce, "*notbase64*", "pbkdf2", 2L, null)))
			.withMessageContaining("salt")
			.withMessageNotContaining("hunter2");
		Map<String, Object> noSalt = challenge(nonce, RFC_SALT, "pbkdf2", 2L, null);
		noSalt.remove("salt");
		assertThatIllegalArgumentException().isThrownBy(() -> client.respond(noSalt))
			.withMessageContaining("no 'salt'");
		assertThat(client.toString()).doesNotContain("hunter2");
		assertThatIllegalStateException().isThrownBy(client::authenticateExtra);
		assertThatIllegalStateException().isThrownBy(() -> client.verifyServerSignature(RFC_VERIFIER));
	}

	@Test
	void credentialHidesKeysAndCopiesArrays() {
		ScramCredential credential = ScramCredential.derive(ScramVariant.SPEC, ScramKdf.ARGON2ID13, "pw",
				bytes("0123456789abcdef"), 2, 64);
		assertThat(credential.toString()).contains("argon2id13").doesNotContain(Hex.encode(credential.storedKey()));
		credential.storedKey()[0] ^= 1;
		assertThat(credential).isEqualTo(
				ScramCredential.derive(ScramVariant.SPEC, ScramKdf.ARGON2ID13, "pw", bytes("0123456789abcdef"), 2, 64));
		assertThat(credential.saltBase64()).isEqualTo(Base64.getEncoder().encodeToString(bytes("0123456789abcdef")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScramCredential(ScramVariant.SPEC, ScramKdf.PBKDF2, new byte[16], 1, 0, new byte[31],
					new byte[32]))
			.withMessageContaining("must be 32 bytes");
	}

	@Test
	void kdfNamesAndVariants() {
		assertThat(ScramKdf.fromWire("argon2id13")).isEqualTo(ScramKdf.ARGON2ID13);
		assertThat(ScramKdf.fromWire("argon2id-13")).isEqualTo(ScramKdf.ARGON2ID13);
		assertThat(ScramKdf.fromWire("PBKDF2")).isEqualTo(ScramKdf.PBKDF2);
		assertThat(ScramVariant.forAuthMethod("wamp-scram")).isEqualTo(ScramVariant.SPEC);
		assertThat(ScramVariant.forAuthMethod("scram")).isEqualTo(ScramVariant.AUTOBAHN);
		assertThat(ScramVariant.forAuthMethod("wampcra")).isNull();
		assertThat(ScramVariant.AUTOBAHN.kdfName(ScramKdf.ARGON2ID13)).isEqualTo("argon2id-13");
	}

	@Test
	void escapeAndNormalize() {
		assertThat(Scram.escape("a,b=c")).isEqualTo("a=2Cb=3Dc");
		assertThat(ScramVariant.SPEC.user("a,b")).isEqualTo("a=2Cb");
		// RFC 4013 section 3 examples: soft hyphen mapped to nothing, NFKC of ª and Ⅸ
		assertThat(Scram.normalize("password", "I\u00ADX")).isEqualTo("IX");
		assertThat(Scram.normalize("password", "\u00AA")).isEqualTo("a");
		assertThat(Scram.normalize("password", "\u2168")).isEqualTo("IX");
		assertThat(Scram.normalize("password", "a\u00A0b")).isEqualTo("a b");
		assertThatIllegalArgumentException().isThrownBy(() -> Scram.normalize("password", "zq\u0007xy"))
			.withMessageContaining("Invalid password")
			.withMessageNotContaining("zq");
	}

	@Test
	void kdfRejectsBadCosts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Scram.kdf(ScramKdf.ARGON2ID13, bytes("p"), bytes("saltsalt"), 1, 4))
			.withMessageContaining("at least 8 KiB");
		assertThatIllegalArgumentException().isThrownBy(() -> Scram.kdf(ScramKdf.PBKDF2, bytes("p"), bytes("s"), 0, 0))
			.withMessageContaining("iterations");
	}

	@Test
	void serverNeedsChannelDataForChannelBindingAndANonce() {
		ScramCredential credential = ScramCredential.derive(ScramVariant.SPEC, ScramKdf.PBKDF2, "pw", Scram.newSalt(),
				2, 0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScramServer(credential, "joe", Scram.newNonce(), "tls-unique", null))
			.withMessageContaining("no channel binding data");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScramServer(credential, "joe", "", null, null))
			.withMessageContaining("empty authextra.nonce");
		ScramCredential crossbar = ScramCredential.derive(ScramVariant.AUTOBAHN, ScramKdf.PBKDF2, "pw", Scram.newSalt(),
				2, 0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScramServer(crossbar, "joe", "not base64!", null, null))
			.withMessageContaining("client nonce");
	}

	private static Map<String, Object> challenge(String nonce, String salt, String kdf, Long iterations, Long memory) {
		Map<String, Object> extra = new HashMap<>();
		extra.put("nonce", nonce);
		extra.put("salt", salt);
		extra.put("kdf", kdf);
		extra.put("iterations", iterations);
		if (memory != null) {
			extra.put("memory", memory);
		}
		return extra;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
