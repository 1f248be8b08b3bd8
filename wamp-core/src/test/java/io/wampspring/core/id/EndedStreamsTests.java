package io.wampspring.core.id;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link EndedStreams}: chunks of an ended stream are dropped until its final chunk,
 * which frees the id; the oldest ids are forgotten first.
 */
class EndedStreamsTests {

	@Test
	void dropsChunksOfAnEndedStreamUntilItsFinalChunk() {
		EndedStreams ended = new EndedStreams(4);
		assertThat(ended.drop(7, true)).isFalse();
		ended.ended(7);
		assertThat(ended.drop(7, true)).isTrue();
		assertThat(ended.drop(7, true)).isTrue();
		assertThat(ended.drop(8, false)).isFalse();
		assertThat(ended.drop(7, false)).isTrue();
		// the final chunk freed the id: a new call may use it
		assertThat(ended.drop(7, false)).isFalse();
		assertThat(ended.drop(7, true)).isFalse();
	}

	@Test
	void forgetsTheOldestBeyondItsCapacity() {
		EndedStreams ended = new EndedStreams(2);
		ended.ended(1);
		ended.ended(2);
		ended.ended(3);
		assertThat(ended.drop(1, true)).isFalse();
		assertThat(ended.drop(2, true)).isTrue();
		assertThat(ended.drop(3, true)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new EndedStreams(0));
	}

}
