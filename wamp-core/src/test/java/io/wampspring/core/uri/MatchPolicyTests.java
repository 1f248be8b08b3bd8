package io.wampspring.core.uri;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchPolicyTests {

	@Test
	void readsTheMatchOption() {
		assertThat(MatchPolicy.fromWire(null)).isEqualTo(MatchPolicy.EXACT);
		assertThat(MatchPolicy.fromWire("exact")).isEqualTo(MatchPolicy.EXACT);
		assertThat(MatchPolicy.fromWire("prefix")).isEqualTo(MatchPolicy.PREFIX);
		assertThat(MatchPolicy.fromWire("WILDCARD")).isEqualTo(MatchPolicy.WILDCARD);
		assertThatThrownBy(() -> MatchPolicy.fromWire("regex")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'regex'");
		assertThatThrownBy(() -> MatchPolicy.fromWire(5)).isInstanceOf(IllegalArgumentException.class);
		assertThat(MatchPolicy.PREFIX.wireName()).isEqualTo("prefix");
	}

	@Test
	void exactMatchesEqualUris() {
		assertThat(MatchPolicy.EXACT.matches("a.b", "a.b")).isTrue();
		assertThat(MatchPolicy.EXACT.matches("a.b", "a.b.c")).isFalse();
	}

	@Test
	void prefixMatchesUrisThatStartWithThePattern() {
		assertThat(MatchPolicy.PREFIX.matches("com.example.", "com.example.add")).isTrue();
		assertThat(MatchPolicy.PREFIX.matches("com.example", "com.example.add")).isTrue();
		assertThat(MatchPolicy.PREFIX.matches("com.example", "com.examples")).isTrue();
		assertThat(MatchPolicy.PREFIX.matches("com.example.", "com.other.add")).isFalse();
	}

	@Test
	void wildcardMatchesComponentByComponent() {
		assertThat(MatchPolicy.WILDCARD.matches("com..add", "com.example.add")).isTrue();
		assertThat(MatchPolicy.WILDCARD.matches("com..add", "com.other.add")).isTrue();
		assertThat(MatchPolicy.WILDCARD.matches("com..add", "com.example.sub")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches("com..add", "com.a.b.add")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches("com..add", "com.add")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches(".example.", "com.example.add")).isTrue();
		assertThat(MatchPolicy.WILDCARD.matches(".example.", "com.examples.add")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches("a.b.c", "a.b.c")).isTrue();
		assertThat(MatchPolicy.WILDCARD.matches("a.b.c", "a.b")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches("a.b", "a.b.c")).isFalse();
		assertThat(MatchPolicy.WILDCARD.matches("..", "x.y.z")).isTrue();
	}

}
