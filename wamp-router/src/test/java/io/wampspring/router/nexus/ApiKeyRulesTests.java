package io.wampspring.router.nexus;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.router.auth.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * API key permissions as izaber writes them: the most specific rule decides.
 */
class ApiKeyRulesTests {

	private static ApiKeyRules rules(Object... uriAndPerms) {
		List<Map<String, Object>> list = new java.util.ArrayList<>();
		for (int i = 0; i < uriAndPerms.length; i += 2) {
			list.add(Map.of("uri", uriAndPerms[i], "perms", uriAndPerms[i + 1]));
		}
		return ApiKeyRules.parse(list, 100);
	}

	@Test
	void theMostSpecificRuleDecides() {
		ApiKeyRules rules = rules("*", "s", "com.example.*", "c-s-", "com.example.admin.*", "",
				"com.example.admin.ping", "c");
		assertThat(rules.permits(Action.CALL, "com.example.add2")).isTrue();
		assertThat(rules.permits(Action.SUBSCRIBE, "com.example.onhello")).isTrue();
		assertThat(rules.permits(Action.REGISTER, "com.example.add2")).isFalse();
		assertThat(rules.permits(Action.CALL, "com.example.admin.kill")).isFalse();
		assertThat(rules.permits(Action.CALL, "com.example.admin.ping")).isTrue();
		// a prefix rule covers what is below it, not itself
		assertThat(rules.permits(Action.CALL, "com.example")).isFalse();
		assertThat(rules.permits(Action.SUBSCRIBE, "org.other.topic")).isTrue();
		assertThat(rules.permits(Action.CALL, "org.other.proc")).isFalse();
	}

	@Test
	void noRulesDoNotRestrict() {
		ApiKeyRules none = ApiKeyRules.parse(null, 100);
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.permits(Action.PUBLISH, "any.thing")).isTrue();
	}

	@Test
	void whatTheRouterCannotHonourIsRefused() {
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> rules("com..x", "c"))
			.withMessageContaining("com..x");
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> rules("com.*.x", "c"));
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> rules("a.b", "c", "a.b", "s"))
			.withMessageContaining("twice");
		assertThatExceptionOfType(WampException.class).isThrownBy(() -> ApiKeyRules.parse("c", 100));
		assertThatExceptionOfType(WampException.class)
			.isThrownBy(() -> ApiKeyRules.parse(List.of(Map.of("uri", "a")), 100));
		assertThatExceptionOfType(WampException.class).isThrownBy(
				() -> ApiKeyRules.parse(List.of(Map.of("uri", "a", "perms", "c"), Map.of("uri", "b", "perms", "c")), 1))
			.withMessageContaining("at most 1");
	}

}
