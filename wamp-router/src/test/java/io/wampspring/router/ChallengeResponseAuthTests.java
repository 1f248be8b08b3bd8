package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.ScramCredential;
import io.wampspring.router.config.User;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WAMP-CRA (plain and salted secrets) and cryptosign (Ed25519) against static users.
 */
class ChallengeResponseAuthTests {

	private static final String SALT = "salt123";

	private static WampRouter router;

	private static KeyPair keys;

	private static String publicKeyHex;

	private final List<TestPeer> peers = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] encoded = keys.getPublic().getEncoded();
		publicKeyHex = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
		router = WampRouter.builder()
			.realm(RealmConfig.builder("crypto")
				.user("cra", "user", "cra-secret")
				.user(new User("salty", "user", deriveKey("salty-secret", SALT, 1000, 32)).withSalt(SALT, 1000, 32))
				.user(new User("signer", "device", null).withPublicKeys(publicKeyHex))
				.user(new User("scrammer", "user", null).withScram(ScramCredential.pbkdf2("scram-pass", 4096)))
				.build())
			.webSocket("127.0.0.1", 0, "/ws")
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		router.stop();
	}

	@AfterEach
	void closePeers() {
		this.peers.forEach(TestPeer::close);
	}

	private TestPeer connect() {
		TestPeer peer = TestPeer.connect(router.webSocketUrl());
		this.peers.add(peer);
		return peer;
	}

	static String deriveKey(String secret, String salt, int iterations, int keylen) throws Exception {
		SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
		byte[] key = factory
			.generateSecret(new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, keylen * 8))
			.getEncoded();
		return Base64.getEncoder().encodeToString(key);
	}

	static String hmac(String key, String challenge) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
	}

	private WampMessage wampcra(String authid, String secret, boolean derive) throws Exception {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("crypto", Map.of("authid", authid, "authmethods", List.of("wampcra"))));
		Challenge challenge = peer.expect(Challenge.class);
		assertThat(challenge.authMethod()).isEqualTo("wampcra");
		String text = (String) challenge.extra().get("challenge");
		assertThat(text).contains("\"authid\":\"" + authid + "\"").contains("\"session\":");
		String key = secret;
		if (derive) {
			assertThat(challenge.extra()).containsEntry("salt", SALT).containsEntry("iterations", 1000L);
			key = deriveKey(secret, SALT, 1000, 32);
		}
		peer.send(new Authenticate(hmac(key, text), Map.of()));
		WampMessage answer = peer.next();
		if (answer instanceof Welcome welcome) {
			assertThat(text).contains("\"session\":" + welcome.session());
		}
		return answer;
	}

	@Test
	void wampcraWithPlainSecret() throws Exception {
		Welcome welcome = (Welcome) wampcra("cra", "cra-secret", false);
		assertThat(welcome.details()).containsEntry("authid", "cra").containsEntry("authmethod", "wampcra");
	}

	@Test
	void wampcraWithSaltedSecret() throws Exception {
		assertThat(wampcra("salty", "salty-secret", true)).isInstanceOf(Welcome.class);
	}

	@Test
	void wampcraWithWrongSecret() throws Exception {
		Abort abort = (Abort) wampcra("cra", "guess", false);
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) abort.details().get("message")).doesNotContain("cra-secret");
	}

	private WampMessage cryptosign(String pubkey, KeyPair signingKeys) throws Exception {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("crypto", Map.of("authmethods", List.of("cryptosign"), "authextra",
				Map.of("pubkey", pubkey))));
		WampMessage first = peer.next();
		if (!(first instanceof Challenge challenge)) {
			return first;
		}
		byte[] bytes = HexFormat.of().parseHex((String) challenge.extra().get("challenge"));
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(signingKeys.getPrivate());
		signer.update(bytes);
		String signature = HexFormat.of().formatHex(signer.sign()) + HexFormat.of().formatHex(bytes);
		peer.send(new Authenticate(signature, Map.of()));
		return peer.next();
	}

	private WampMessage scram(String password) throws Exception {
		TestPeer peer = connect();
		String clientNonce = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
		peer.send(TestPeer.hello("crypto", Map.of("authid", "scrammer", "authmethods", List.of("wamp-scram"),
				"authextra", Map.of("nonce", clientNonce))));
		Challenge challenge = peer.expect(Challenge.class);
		assertThat(challenge.authMethod()).isEqualTo("wamp-scram");
		String nonce = (String) challenge.extra().get("nonce");
		assertThat(nonce).startsWith(clientNonce);
		assertThat(challenge.extra()).containsEntry("kdf", "pbkdf2").containsEntry("iterations", 4096L);
		String salt = (String) challenge.extra().get("salt");
		byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
			.generateSecret(new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(salt), 4096, 256))
			.getEncoded();
		byte[] clientKey = rawHmac(salted, "Client Key");
		byte[] storedKey = java.security.MessageDigest.getInstance("SHA-256").digest(clientKey);
		String authMessage = "n=scrammer,r=" + clientNonce + ",r=" + nonce + ",s=" + salt + ",i=4096,c=biws,r=" + nonce;
		byte[] clientSignature = rawHmac(storedKey, authMessage);
		byte[] proof = new byte[clientKey.length];
		for (int i = 0; i < proof.length; i++) {
			proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
		}
		peer.send(new Authenticate(Base64.getEncoder().encodeToString(proof), Map.of("nonce", nonce)));
		WampMessage answer = peer.next();
		if (answer instanceof Welcome welcome) {
			String verifier = Base64.getEncoder().encodeToString(rawHmac(rawHmac(salted, "Server Key"), authMessage));
			assertThat(welcome.details().get("authextra")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("verifier", verifier);
		}
		return answer;
	}

	static byte[] rawHmac(byte[] key, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void scramWithRightAndWrongPassword() throws Exception {
		Welcome welcome = (Welcome) scram("scram-pass");
		assertThat(welcome.details()).containsEntry("authid", "scrammer").containsEntry("authmethod", "wamp-scram");
		Abort abort = (Abort) scram("wrong-pass");
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void cryptosignWithRegisteredKey() throws Exception {
		Welcome welcome = (Welcome) cryptosign(publicKeyHex, keys);
		assertThat(welcome.details()).containsEntry("authid", "signer")
			.containsEntry("authrole", "device")
			.containsEntry("authmethod", "cryptosign");
	}

	@Test
	void cryptosignWithWrongPrivateKey() throws Exception {
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		assertThat(((Abort) cryptosign(publicKeyHex, other)).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void cryptosignWithUnknownKey() throws Exception {
		Abort abort = (Abort) cryptosign("00".repeat(32), keys);
		assertThat(abort.reason()).isEqualTo(WampUris.NO_SUCH_PRINCIPAL);
	}

}
