package io.wampspring.core;

import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DictsTests {

	private final Map<String, Object> options = Map.of("timeout", 1000L, "disclose_me", true, "mode", "kill",
			"eligible", List.of(1L), "extra", Map.of("a", 1L), "double", 5.0);

	@Test
	void readsTypedEntries() {
		assertThat(Dicts.integer(this.options, "timeout")).isEqualTo(1000L);
		assertThat(Dicts.integer(this.options, "double")).isEqualTo(5L);
		assertThat(Dicts.integer(this.options, "absent")).isNull();
		assertThat(Dicts.bool(this.options, "disclose_me", false)).isTrue();
		assertThat(Dicts.bool(this.options, "absent", true)).isTrue();
		assertThat(Dicts.string(this.options, "mode")).isEqualTo("kill");
		assertThat(Dicts.list(this.options, "eligible")).containsExactly(1L);
		assertThat(Dicts.dict(this.options, "extra")).containsEntry("a", 1L);
	}

	@Test
	void wrongTypesNameTheKeyAndWhatWasFound() {
		assertThatThrownBy(() -> Dicts.integer(this.options, "mode")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("'mode' must be an integer, got string kill");
		assertThatThrownBy(() -> Dicts.bool(this.options, "timeout", false))
			.hasMessage("'timeout' must be a boolean, got integer 1000");
		assertThatThrownBy(() -> Dicts.string(this.options, "eligible"))
			.hasMessage("'eligible' must be a string, got list [1]");
		assertThatThrownBy(() -> Dicts.list(this.options, "extra"))
			.hasMessageContaining("must be a list, got dictionary");
		assertThatThrownBy(() -> Dicts.dict(this.options, "timeout")).hasMessageContaining("must be a dictionary");
	}

	@Test
	void authenticateNeverPrintsItsSignature() {
		String text = new io.wampspring.core.message.Authenticate("joe-secret-ticket", Map.of("nonce", "n")).toString();
		assertThat(text).doesNotContain("joe-secret-ticket").contains("******").contains("nonce");
	}

	@Test
	void exceptionsCarryUriArgsAndKwargs() {
		WampException ex = new WampException("com.example.error.not_found", List.of("no user 5"), Map.of("id", 5L));
		assertThat(ex.getUri()).isEqualTo("com.example.error.not_found");
		assertThat(ex.getMessage()).isEqualTo("com.example.error.not_found: no user 5 {id=5}");
		assertThat(ex.getArgs()).containsExactly("no user 5");
		assertThat(ex.getKwargs()).containsEntry("id", 5L);
		assertThat(new WampException(WampUris.TIMEOUT, "took too long").getMessage()).isEqualTo("took too long");
	}

}
