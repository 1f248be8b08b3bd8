package io.wampspring.core.uri;

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

}
