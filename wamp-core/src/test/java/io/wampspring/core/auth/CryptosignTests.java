package io.wampspring.core.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CryptosignTests {

	private static final String SEED = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";

	private static final String CHALLENGE = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

	private static final String CHANNEL_ID = "62e935ae755f3d48f80d4d59f6121358c435722a67e859cc0caa8b539027f2ff";

	// WAMP spec, "Cryptosign-based Authentication" > "Client Authentication" > "Test
	// Vectors" (rfc/text/advanced/authentication_cryptosign.md, test_vectors_1): the
	// first three without channel id, the last three with a tls-unique channel id.
	@ParameterizedTest
	@CsvSource(nullValues = "-", value = {
			"-, 4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510, ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, b32675b221f08593213737bef8240e7c15228b07028e19595294678c90d11c0cae80a357331bfc5cc9fb71081464e6e75013517c2cf067ad566a6b7b728e5d03ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
			"-, d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd, b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d, d4209ad10d5aff6bfbc009d7e924795de138a63515efc7afc6b01b7fe5201372190374886a70207b042294af5bd64ce725cd8dceb344e6d11c09d1aaaf4d660fb26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d",
			"-, 6e1fde9cf9e2359a87420b65a87dc0c66136e66945196ba2475990d8a0c3a25b, b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2, 7beb282184baadd08f166f16dd683b39cab53816ed81e6955def951cb2ddad1ec184e206746fd82bda075af03711d3d5658fc84a76196b0fa8d1ebc92ef9f30bb05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2",
			"62e935ae755f3d48f80d4d59f6121358c435722a67e859cc0caa8b539027f2ff, 4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510, ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 9b6f41540c9b95b4b7b281c3042fa9c54cef43c842d62ea3fd6030fcb66e70b3e80d49d44c29d1635da9348d02ec93f3ed1ef227dfb59a07b580095c2b82f80f9d16ca518aa0c2b707f2b2a609edeca73bca8dd59817a633f35574ac6fd80d00",
			"62e935ae755f3d48f80d4d59f6121358c435722a67e859cc0caa8b539027f2ff, d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd, b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d, 305aaa3ac25e98f651427688b3fc43fe7d8a68a7ec1d7d61c61517c519bd4a427c3015599d83ca28b4c652333920223844ef0725eb5dc2febfd6af7677b73f01d0852a29b460fc92ec943242ac638a053bbacc200512b18b30d15083cbdc9282",
			"62e935ae755f3d48f80d4d59f6121358c435722a67e859cc0caa8b539027f2ff, 6e1fde9cf9e2359a87420b65a87dc0c66136e66945196ba2475990d8a0c3a25b, b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2, ee3c7644fd8070532bc1fde3d70d742267da545d8c8f03e63bda63f1ad4214f4d2c4bfdb4eb9526def42deeb7e31602a6ff99eba893e0a4ad4d45892ca75e608d2b75e24a189a7f78ca776ba36fc53f6c3e31c32f251f2c524f0a44202f2902d" })
	void specTestVectors(@Nullable String channelIdHex, String privateKey, String challenge, String signature) {
		byte[] channelId = (channelIdHex != null) ? Hex.decode("channel id", channelIdHex) : null;
		CryptosignKey key = CryptosignKey.fromHex(privateKey);
		assertThat(key.signChallenge(challenge, channelId)).isEqualTo(signature);
		assertThat(Cryptosign.verify(key.publicKeyHex(), challenge, channelId, signature)).isTrue();
	}

	@Test
	void seedPlusPublicKeyFormEqualsSeedForm() {
		CryptosignKey fromSeed = CryptosignKey.fromHex(SEED);
		CryptosignKey full = CryptosignKey.fromHex(" " + SEED + fromSeed.publicKeyHex().toUpperCase() + "\n");
		assertThat(full.publicKeyHex()).isEqualTo(fromSeed.publicKeyHex()).hasSize(64);
		assertThat(full.signChallenge(CHALLENGE, null)).isEqualTo(fromSeed.signChallenge(CHALLENGE, null));
		assertThat(CryptosignKey.fromSeed(Hex.decode("seed", SEED)).publicKeyHex()).isEqualTo(full.publicKeyHex());
	}

	@Test
	void publicKeyOfRfc8032Test1() {
		// RFC 8032 section 7.1, TEST 1: secret key -> public key
		CryptosignKey key = CryptosignKey.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
		assertThat(key.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
		assertThat(Hex.encode(key.sign(new byte[0]))).isEqualTo(
				"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
	}

	@Test
	void mismatchedPublicHalfIsRejectedWithoutShowingTheSeed() {
		String otherPublic = CryptosignKey.generate().publicKeyHex();
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromHex(SEED + otherPublic))
			.withMessageContaining("do not match")
			.withMessageContaining(otherPublic)
			.withMessageNotContaining(SEED);
	}

	@Test
	void malformedPrivateKeysAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromHex(SEED.substring(2)))
			.withMessageContaining("64 hex digits")
			.withMessageContaining("got 62 characters");
		String bad = "zz" + SEED.substring(2);
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromHex(bad))
			.withMessageContaining("not a hex digit at position 0")
			.withMessageNotContaining(bad);
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromSeed(new byte[31]))
			.withMessageContaining("32-byte seed");
	}

	@Test
	void toStringShowsOnlyThePublicKey() {
		CryptosignKey key = CryptosignKey.fromHex(SEED);
		assertThat(key.toString()).contains(key.publicKeyHex()).doesNotContain(SEED);
	}

	@Test
	void verifyRejectsWrongKeyTamperedChallengeAndWrongChannel() {
		CryptosignKey key = CryptosignKey.fromHex(SEED);
		byte[] channelId = Hex.decode("channel id", CHANNEL_ID);
		String signature = key.signChallenge(CHALLENGE, channelId);
		String other = CryptosignKey.generate().publicKeyHex();
		String tampered = "fe" + CHALLENGE.substring(2);
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, channelId, signature)).isTrue();
		assertThat(Cryptosign.verify(other, CHALLENGE, channelId, signature)).as("wrong key").isFalse();
		assertThat(Cryptosign.verify(key.publicKeyHex(), tampered, channelId, signature)).as("other challenge")
			.isFalse();
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, signature)).as("binding expected").isFalse();
		byte[] otherChannel = channelId.clone();
		otherChannel[31] ^= 1;
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, otherChannel, signature)).as("other channel")
			.isFalse();
	}

	@Test
	void verifyRejectsTamperedSignatureAndTamperedCarriedMessage() {
		CryptosignKey key = CryptosignKey.fromHex(SEED);
		String signature = key.signChallenge(CHALLENGE, null);
		String flippedSignature = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
		String flippedMessage = signature.substring(0, 128) + tamperedTail(signature.substring(128));
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, flippedSignature)).isFalse();
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, flippedMessage)).isFalse();
		// The bare 64-byte signature is accepted: the message is known to the verifier.
		assertThat(Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, signature.substring(0, 128))).isTrue();
	}

	private static String tamperedTail(String hex) {
		return "00" + hex.substring(2);
	}

	@Test
	void malformedVerifyArgumentsAreNamed() {
		CryptosignKey key = CryptosignKey.fromHex(SEED);
		String signature = key.signChallenge(CHALLENGE, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, signature + "0"))
			.withMessageContaining("cryptosign signature")
			.withMessageContaining("even number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Cryptosign.verify(key.publicKeyHex(), CHALLENGE, null, signature.substring(0, 100)))
			.withMessageContaining("expected 96 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Cryptosign.verify(key.publicKeyHex(), "abcd", null, signature))
			.withMessageContaining("cryptosign challenge")
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Cryptosign.verify("xy" + key.publicKeyHex().substring(2), CHALLENGE, null, signature))
			.withMessageContaining("cryptosign public key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Cryptosign.verify(key.publicKeyHex(), CHALLENGE, new byte[16], signature))
			.withMessageContaining("channel id")
			.withMessageContaining("got 16 bytes");
	}

	@Test
	void publicKeyNotOnTheCurveIsRejected() {
		// y = 2 is not the y-coordinate of any Ed25519 point (x^2 would be a non-square).
		String notAPoint = "02" + "00".repeat(31);
		assertThatIllegalArgumentException().isThrownBy(() -> Cryptosign.checkPublicKey(notAPoint))
			.withMessageContaining("not a valid Ed25519 point");
		assertThat(Cryptosign.checkPublicKey(CryptosignKey.fromHex(SEED).publicKeyHex().toUpperCase()))
			.isEqualTo(CryptosignKey.fromHex(SEED).publicKeyHex());
	}

	@Test
	void tlsUniqueChannelIdIsSha256OfTheFinishedMessage() {
		// SHA-256 of the empty string: the hash Autobahn applies to the tls-unique bytes
		assertThat(Hex.encode(Cryptosign.tlsUniqueChannelId(new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void newChallengeIs32RandomBytes() {
		String a = Cryptosign.newChallenge();
		assertThat(a).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(Cryptosign.newChallenge());
		CryptosignKey key = CryptosignKey.generate();
		assertThat(Cryptosign.verify(key.publicKeyHex(), a, null, key.signChallenge(a, null))).isTrue();
	}

	@Test
	void readsHexKeyFiles(@TempDir Path dir) throws IOException {
		Path seedFile = Files.writeString(dir.resolve("seed.key"), SEED + "\n");
		assertThat(CryptosignKey.fromFile(seedFile).publicKeyHex())
			.isEqualTo(CryptosignKey.fromHex(SEED).publicKeyHex());
		Path badFile = Files.writeString(dir.resolve("bad.key"), "not a key");
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromFile(badFile))
			.withMessageContaining(badFile.toString())
			.withMessageNotContaining("not a key");
	}

	@Test
	void readsCrossbarKeyFiles(@TempDir Path dir) throws IOException {
		String publicKey = CryptosignKey.fromHex(SEED).publicKeyHex();
		Path file = Files.writeString(dir.resolve("key.priv"), "creator: test@host\ncreated-at: 2026-01-01T00:00:00Z\n"
				+ "public-key-ed25519: " + publicKey + "\nprivate-key-ed25519: " + SEED + "\n");
		assertThat(CryptosignKey.fromFile(file).publicKeyHex()).isEqualTo(publicKey);
		String otherPublic = CryptosignKey.generate().publicKeyHex();
		Path mismatched = Files.writeString(dir.resolve("bad.priv"),
				"public-key-ed25519: " + otherPublic + "\nprivate-key-ed25519: " + SEED + "\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromFile(mismatched))
			.withMessageContaining("do not match")
			.withMessageNotContaining(SEED);
	}

	@Test
	void readsOpenSshEd25519KeyFiles(@TempDir Path dir) throws IOException {
		Ed25519PrivateKeyParameters params = new Ed25519PrivateKeyParameters(Hex.decode("seed", SEED), 0);
		String body = Base64.getMimeEncoder(70, "\n".getBytes())
			.encodeToString(OpenSSHPrivateKeyUtil.encodePrivateKey(params));
		Path file = Files.writeString(dir.resolve("id_ed25519"),
				"-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n");
		assertThat(CryptosignKey.fromFile(file).publicKeyHex()).isEqualTo(CryptosignKey.fromHex(SEED).publicKeyHex());
		Path broken = Files.writeString(dir.resolve("broken"),
				"-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CryptosignKey.fromFile(broken))
			.withMessageContaining("not a readable OpenSSH private key");
	}

}
