package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.auth.CryptosignKey;
import io.wampspring.core.auth.ScramClient;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.auth.WampCra;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.User;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WAMP-CRA (plain and salted secrets), cryptosign (Ed25519) and both SCRAM dialects
 * against static users; the client side is wamp-core's auth package (checked there
 * against the specification's test vectors).
 */
class ChallengeResponseAuthTests {

	private static final String SALT = "salt123";

	private static final CryptosignKey key = CryptosignKey.generate();

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("crypto")
			.user("cra", "user", "cra-secret")
			.user(new User("salty", "user", null).withSaltedPassword("salty-secret", SALT, 1000, 32))
			.user(new User("signer", "device", null).withPublicKeys(key.publicKeyHex().toUpperCase()))
			.user(new User("scrammer", "user", null).withScramPassword(ScramVariant.SPEC, "scram-pass"))
			.user(new User("crossbar", "user", null).withScramPassword(ScramVariant.AUTOBAHN, "scram-pass"))
			.build())
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private TestPeer connect() {
		return fixture.connect();
	}

	private WampMessage wampcra(String authid, String secret, boolean derive) {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("crypto", Map.of("authid", authid, "authmethods", List.of("wampcra"))));
		Challenge challenge = peer.expect(Challenge.class);
		assertThat(challenge.authMethod()).isEqualTo("wampcra");
		String text = (String) challenge.extra().get("challenge");
		assertThat(text).contains("\"authid\":\"" + authid + "\"").contains("\"session\":");
		String salt = null;
		if (derive) {
			assertThat(challenge.extra()).containsEntry("salt", SALT)
				.containsEntry("iterations", 1000L)
				.containsEntry("keylen", 32L);
			salt = SALT;
		}
		peer.send(new Authenticate(WampCra.signature(secret, text, salt, 1000, 32), Map.of()));
		WampMessage answer = peer.next();
		if (answer instanceof Welcome welcome) {
			assertThat(text).contains("\"session\":" + welcome.session());
		}
		return answer;
	}

	@Test
	void wampcraWithPlainSecret() {
		Welcome welcome = (Welcome) wampcra("cra", "cra-secret", false);
		assertThat(welcome.details()).containsEntry("authid", "cra").containsEntry("authmethod", "wampcra");
	}

	@Test
	void wampcraWithSaltedSecret() {
		assertThat(wampcra("salty", "salty-secret", true)).isInstanceOf(Welcome.class);
	}

	@Test
	void wampcraWithWrongSecret() {
		Abort abort = (Abort) wampcra("cra", "guess", false);
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat((String) abort.details().get("message")).doesNotContain("cra-secret");
	}

	private WampMessage cryptosign(String pubkey, CryptosignKey signingKey) {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("crypto",
				Map.of("authmethods", List.of("cryptosign"), "authextra", Map.of("pubkey", pubkey))));
		WampMessage first = peer.next();
		if (!(first instanceof Challenge challenge)) {
			return first;
		}
		assertThat(challenge.extra()).doesNotContainKey("channel_binding");
		String signature = signingKey.signChallenge((String) challenge.extra().get("challenge"), null);
		peer.send(new Authenticate(signature, Map.of()));
		return peer.next();
	}

	private WampMessage scram(ScramVariant variant, String authid, String password) {
		TestPeer peer = connect();
		ScramClient client = new ScramClient(variant, authid, password);
		peer.send(TestPeer.hello("crypto", Map.of("authid", authid, "authmethods", List.of("wamp-scram", "scram"),
				"authextra", client.helloAuthExtra())));
		Challenge challenge = peer.expect(Challenge.class);
		assertThat(challenge.authMethod()).isEqualTo(variant.authMethod());
		assertThat(challenge.extra()).containsEntry("kdf", "pbkdf2").containsEntry("iterations", 4096L);
		String proof = client.respond(challenge.extra());
		peer.send(new Authenticate(proof, client.authenticateExtra()));
		WampMessage answer = peer.next();
		if (answer instanceof Welcome welcome) {
			@SuppressWarnings("unchecked")
			Map<String, ?> authextra = (Map<String, ?>) welcome.details().get("authextra");
			assertThat(client.verifyServer(authextra)).as("server signature").isTrue();
		}
		return answer;
	}

	@ParameterizedTest
	@EnumSource(ScramVariant.class)
	void scramWithRightAndWrongPassword(ScramVariant variant) {
		String authid = (variant == ScramVariant.SPEC) ? "scrammer" : "crossbar";
		Welcome welcome = (Welcome) scram(variant, authid, "scram-pass");
		assertThat(welcome.details()).containsEntry("authid", authid).containsEntry("authmethod", variant.authMethod());
		Abort abort = (Abort) scram(variant, authid, "wrong-pass");
		assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void invalidPublicKeyInConfigurationIsRejectedWithItsAuthid() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new User("dev", "device", null).withPublicKeys("abc"))
			.withMessageContaining("'dev'");
	}

	@Test
	void cryptosignWithRegisteredKey() {
		Welcome welcome = (Welcome) cryptosign(key.publicKeyHex(), key);
		assertThat(welcome.details()).containsEntry("authid", "signer")
			.containsEntry("authrole", "device")
			.containsEntry("authmethod", "cryptosign");
	}

	@Test
	void cryptosignWithWrongPrivateKey() {
		CryptosignKey other = CryptosignKey.generate();
		assertThat(((Abort) cryptosign(key.publicKeyHex(), other)).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void cryptosignWithUnknownKeyLooksLikeAWrongKey() {
		// the cryptosign() helper answers the CHALLENGE: a key nobody has is challenged
		// too
		Abort unknown = (Abort) cryptosign(CryptosignKey.generate().publicKeyHex(), key);
		Abort wrongKey = (Abort) cryptosign(key.publicKeyHex(), CryptosignKey.generate());
		assertThat(unknown.reason()).isEqualTo(wrongKey.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(unknown.details()).isEqualTo(wrongKey.details());
	}

	@Test
	void wampcraWithUnknownAuthidLooksLikeAWrongSecret() {
		// a salted user in the realm: the decoy challenge is salted too, with a stable
		// salt per authid
		Challenge first = wampcraChallenge("nobody");
		Challenge second = wampcraChallenge("nobody");
		assertThat(first.extra()).containsKeys("challenge", "salt", "iterations", "keylen");
		assertThat(first.extra().get("salt")).isEqualTo(second.extra().get("salt"));
		assertThat(wampcraChallenge("someone-else").extra().get("salt")).isNotEqualTo(first.extra().get("salt"));
		Abort unknown = (Abort) wampcra("nobody", "guess", false);
		Abort wrong = (Abort) wampcra("cra", "guess", false);
		assertThat(unknown.reason()).isEqualTo(wrong.reason());
		assertThat(unknown.details()).isEqualTo(wrong.details());
	}

	private Challenge wampcraChallenge(String authid) {
		TestPeer peer = connect();
		peer.send(TestPeer.hello("crypto", Map.of("authid", authid, "authmethods", List.of("wampcra"))));
		Challenge challenge = peer.expect(Challenge.class);
		peer.close();
		return challenge;
	}

	@Test
	void scramWithUnknownAuthidLooksLikeAWrongPassword() {
		Abort unknown = (Abort) scram(ScramVariant.SPEC, "nobody", "scram-pass");
		Abort wrong = (Abort) scram(ScramVariant.SPEC, "scrammer", "wrong-pass");
		assertThat(unknown.reason()).isEqualTo(wrong.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(unknown.details()).isEqualTo(wrong.details());
	}

}
