package io.wampspring.core.auth;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WampCraTests {

	// The WAMP spec's WAMP-CRA section has no vector with a known secret; these come from
	// Autobahn|Python (autobahn/wamp/test/test_wamp_auth.py: test_compute_wcs,
	// test_derive_key), the reference client every router is tested with.

	@Test
	void signMatchesAutobahnVector() {
		assertThat(WampCra.sign("L3L1YUE8Txlw", "[1, 2, 3]")).isEqualTo("1njQtmmeYO41N5EWEzD2kAjjEKRZ5kPZt/TzpYXOzR0=");
	}

	@Test
	void deriveKeyMatchesAutobahnVector() {
		assertThat(WampCra.deriveKey("L3L1YUE8Txlw", "salt123", 1000, 32))
			.isEqualTo("qzcdsr9uu/L5hnss3kjNTRe490ETgA70ZBaB5rvnJ5Y=");
	}

	@Test
	void saltedSignatureUsesTheBase64TextOfTheDerivedKeyAsKey() {
		String challenge = WampCra.challenge("peter", "user", "userdb", 3251278072152162L, "LHRTC9zeOIrt_9U3",
				Instant.parse("2014-06-22T16:36:25.448Z"));
		String expected = WampCra.sign("qzcdsr9uu/L5hnss3kjNTRe490ETgA70ZBaB5rvnJ5Y=", challenge);
		assertThat(WampCra.signature("L3L1YUE8Txlw", challenge, "salt123", 1000, 32)).isEqualTo(expected);
		assertThat(WampCra.signature("L3L1YUE8Txlw", challenge, null, 0, 0))
			.isEqualTo(WampCra.sign("L3L1YUE8Txlw", challenge))
			.isNotEqualTo(expected);
	}

	@Test
	void byteAndStringKeysAgree() {
		assertThat(WampCra.sign("s3cr3t".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"))
			.isEqualTo(WampCra.sign("s3cr3t", "x"));
	}

	@Test
	void signatureIsRfc4231Hmac() {
		// RFC 4231 test case 2: HMAC-SHA256 with key "Jefe" over "what do ya want for
		// nothing?"
		byte[] mac = java.util.Base64.getDecoder().decode(WampCra.sign("Jefe", "what do ya want for nothing?"));
		assertThat(Hex.encode(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void challengeHasTheSpecMembersInOrder() {
		String challenge = WampCra.challenge("peter", "user", "userdb", 3251278072152162L, "LHRTC9zeOIrt_9U3",
				Instant.parse("2014-06-22T16:36:25.448Z"));
		assertThat(challenge).isEqualTo("{\"authid\":\"peter\",\"authrole\":\"user\",\"authmethod\":\"wampcra\","
				+ "\"authprovider\":\"userdb\",\"nonce\":\"LHRTC9zeOIrt_9U3\",\"timestamp\":\"2014-06-22T16:36:25.448Z\","
				+ "\"session\":3251278072152162}");
	}

	@Test
	void challengeEscapesJson() {
		String challenge = WampCra.challenge("a\"b\\c", "r", "p", 1, "n", Instant.EPOCH);
		try (JsonParser parser = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), challenge)) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(parser.nextName()).isEqualTo("authid");
			assertThat(parser.nextStringValue()).isEqualTo("a\"b\\c");
		}
		assertThat(challenge).contains("\"timestamp\":\"1970-01-01T00:00:00.000Z\"");
	}

	@Test
	void newChallengesDiffer() {
		String a = WampCra.newChallenge("peter", "user", "static", 42);
		String b = WampCra.newChallenge("peter", "user", "static", 42);
		assertThat(a).isNotEqualTo(b).contains("\"session\":42");
	}

	@Test
	void verifyAcceptsTheRightSignatureOnly() {
		String challenge = WampCra.newChallenge("peter", "user", "static", 42);
		String signature = WampCra.sign("secret1", challenge);
		assertThat(WampCra.verify("secret1", challenge, signature)).isTrue();
		assertThat(WampCra.verify("secret2", challenge, signature)).as("wrong key").isFalse();
		assertThat(WampCra.verify("secret1", challenge.replace("42", "43"), signature)).as("tampered challenge")
			.isFalse();
		assertThat(WampCra.verify("secret1", challenge, signature.substring(1))).as("truncated").isFalse();
		assertThat(WampCra.verify("secret1", challenge, "")).isFalse();
	}

	@Test
	void badPbkdf2ParametersAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> WampCra.deriveKey("secret", "salt", 0, 32))
			.withMessageContaining("iterations")
			.withMessageNotContaining("secret");
		assertThatIllegalArgumentException().isThrownBy(() -> WampCra.deriveKey("secret", "salt", 1000, 0))
			.withMessageContaining("key length");
	}

}
