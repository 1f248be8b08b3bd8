package io.wampspring.core.uri;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WampUriValidatorTests {

	private final WampUriValidator loose = WampUriValidator.LOOSE_RULES;

	private final WampUriValidator strict = WampUriValidator.STRICT_RULES;

	@ParameterizedTest
	@ValueSource(strings = { "com.example.add", "a", "com.Example.Add-2", "wamp.session.on_join", "x.\u00e9t\u00e9" })
	void looseAcceptsConcreteUris(String uri) {
		assertThat(this.loose.isValid(uri)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "a.", ".a", "a..b", "a b", "a#b", "a.b\t", "a.b\n" })
	void looseRejectsEmptyComponentsWhitespaceAndHash(String uri) {
		assertThat(this.loose.isValid(uri)).isFalse();
	}

	@Test
	void strictAllowsOnlyLowerCaseDigitsAndUnderscore() {
		assertThat(this.strict.isValid("com.example.add_2")).isTrue();
		assertThat(this.strict.isValid("com.Example.add")).isFalse();
		assertThat(this.strict.isValid("com.example.add-2")).isFalse();
		assertThat(this.strict.isStrict()).isTrue();
		assertThat(this.loose.isStrict()).isFalse();
	}

	@Test
	void patternsMayHaveEmptyComponents() {
		assertThat(this.loose.isValid("com..add", MatchPolicy.WILDCARD)).isTrue();
		assertThat(this.loose.isValid(".example.", MatchPolicy.WILDCARD)).isTrue();
		assertThat(this.loose.isValid("com.example.", MatchPolicy.PREFIX)).isTrue();
		assertThat(this.loose.isValid("com.example", MatchPolicy.PREFIX)).isTrue();
		assertThat(this.strict.isValid("com..add", MatchPolicy.WILDCARD)).isTrue();
		assertThat(this.strict.isValid("com..Add", MatchPolicy.WILDCARD)).isFalse();
		assertThat(this.loose.isValid("com..add", MatchPolicy.EXACT)).isFalse();
		assertThat(this.loose.isValid("", MatchPolicy.PREFIX)).isFalse();
		assertThat(this.loose.isValid("com. .add", MatchPolicy.WILDCARD)).isFalse();
	}

	@Test
	void checkNamesTheUriAndTheRule() {
		assertThatThrownBy(() -> this.loose.check("com..add", "procedure")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("invalid procedure URI 'com..add': a WAMP URI is dot-separated components without "
					+ "whitespace, '.' or '#', none of them empty");
		assertThatThrownBy(() -> this.strict.check("com.A", MatchPolicy.PREFIX, "topic"))
			.hasMessageContaining("invalid topic URI 'com.A'")
			.hasMessageContaining("lower-case letters")
			.hasMessageContaining("allowed in a prefix pattern");
		assertThat(this.loose.check("com.example", "topic")).isEqualTo("com.example");
	}

	@Test
	void theScanAgreesWithTheSpecificationsRegularExpressionsOnRandomUris() {
		// the specification's rules as regular expressions, as the validator had them
		Pattern looseExact = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]+)$");
		Pattern looseEmpty = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$");
		Pattern strictExact = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]+)$");
		Pattern strictEmpty = Pattern.compile("^(([0-9a-z_]+\\.)|\\.)*([0-9a-z_]+)?$");
		char[] alphabet = { 'a', 'z', 'Q', '0', '9', '_', '-', '.', '.', '#', ' ', '\t', '\n', '\u000B', '\f', '\r',
				'\u00e9', '\u2003' };
		Random random = new Random(42);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder uri = new StringBuilder();
			int length = random.nextInt(9);
			for (int i = 0; i < length; i++) {
				uri.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String candidate = uri.toString();
			assertThat(this.loose.isValid(candidate)).as("loose '%s'", candidate)
				.isEqualTo(looseExact.matcher(candidate).matches());
			assertThat(this.loose.isValid(candidate, MatchPolicy.WILDCARD)).as("loose wildcard '%s'", candidate)
				.isEqualTo(looseEmpty.matcher(candidate).matches());
			assertThat(this.strict.isValid(candidate)).as("strict '%s'", candidate)
				.isEqualTo(strictExact.matcher(candidate).matches());
			assertThat(this.strict.isValid(candidate, MatchPolicy.WILDCARD)).as("strict wildcard '%s'", candidate)
				.isEqualTo(strictEmpty.matcher(candidate).matches());
		}
	}

}
