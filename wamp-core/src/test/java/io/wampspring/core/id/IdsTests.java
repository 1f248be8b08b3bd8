package io.wampspring.core.id;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTests {

	@Test
	void validIdsAreOneToTwoToTheFiftyThird() {
		assertThat(Ids.isValid(0)).isFalse();
		assertThat(Ids.isValid(1)).isTrue();
		assertThat(Ids.isValid(9007199254740992L)).isTrue();
		assertThat(Ids.isValid(9007199254740993L)).isFalse();
		assertThat(Ids.isValid(-5)).isFalse();
		assertThatThrownBy(() -> Ids.check(0, "requestId")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("requestId must be an id in 1..2^53, got 0");
	}

	@Test
	void globalIdsAreRandomAndInRange() {
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			long id = GlobalIdGenerator.next();
			assertThat(Ids.isValid(id)).isTrue();
			seen.add(id);
		}
		assertThat(seen).hasSizeGreaterThan(9_990);
	}

	@Test
	void requestIdsAreSequentialFromOne() {
		RequestIdSequence sequence = new RequestIdSequence();
		assertThat(sequence.next()).isEqualTo(1);
		assertThat(sequence.next()).isEqualTo(2);
		sequence.reset();
		assertThat(sequence.next()).isEqualTo(1);
	}

	@Test
	void requestIdsWrapToOneAfterTheMaximum() {
		RequestIdSequence sequence = new RequestIdSequence(Ids.MAX - 1);
		assertThat(sequence.next()).isEqualTo(Ids.MAX);
		assertThat(sequence.next()).isEqualTo(1);
	}

}
