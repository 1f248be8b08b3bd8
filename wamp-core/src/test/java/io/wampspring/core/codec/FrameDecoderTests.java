package io.wampspring.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A connection's frame decoder reads frame after frame like {@link WampCodec#decode},
 * from heap and direct buffers, and a frame it cannot read fails only that frame: the
 * next one reads as if nothing had happened (the JSON decoder keeps one parser per
 * connection).
 */
class FrameDecoderTests {

	static List<WampCodec> codecs() {
		return WampCodecs.all();
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void readsEveryMessageFrameAfterFrameFromHeapAndDirectBuffers(WampCodec codec) {
		FrameDecoder frames = codec.frameDecoder();
		for (int round = 0; round < 3; round++) {
			for (WampMessage message : SampleMessages.all()) {
				byte[] encoded = codec.encode(message);
				assertThat(frames.decode(heap(encoded))).isEqualTo(message);
				ByteBuffer direct = direct(encoded);
				assertThat(frames.decode(direct)).isEqualTo(message);
				assertThat(direct.position()).isZero();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aFrameThatCannotBeReadFailsAloneAndTheNextOneReads(WampCodec codec) {
		FrameDecoder frames = codec.frameDecoder();
		WampMessage result = new Result(7, Map.of(), List.of("hello", 42L), Map.of());
		byte[] good = codec.encode(result);
		byte[] truncated = Arrays.copyOf(good, good.length - 2);
		byte[] trailing = Arrays.copyOf(good, good.length + 1);
		trailing[good.length] = codec.isBinary() ? (byte) 0x01 : (byte) '7';

		for (byte[] bad : List.of(truncated, trailing, "}{".getBytes(StandardCharsets.UTF_8), new byte[0])) {
			assertThatExceptionOfType(WampProtocolException.class).isThrownBy(() -> frames.decode(heap(bad)));
			assertThat(frames.decode(heap(good))).isEqualTo(result);
			assertThat(frames.decode(direct(good))).isEqualTo(result);
		}
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aTruncatedFrameIsCalledTruncated(WampCodec codec) {
		if (codec.isBinary()) {
			return;
		}
		FrameDecoder frames = codec.frameDecoder();
		assertThatExceptionOfType(WampProtocolException.class)
			.isThrownBy(() -> frames.decode(heap("[50, 7, {\"a\": 1".getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("end-of-input");
		// ends like a message, but the message array is not closed
		assertThatExceptionOfType(WampProtocolException.class)
			.isThrownBy(() -> frames.decode(heap("[50, 7, {}, [1, 2]".getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("truncated JSON: an array is not closed");
		assertThat(frames.decode(heap("[50, 8, {}]".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(new Result(8, Map.of()));
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void aPayloadValueThatCannotBeMappedFailsOnlyItsMessage(WampCodec codec) {
		if (codec.isBinary()) {
			return;
		}
		FrameDecoder frames = codec.frameDecoder();
		// an integer beyond 64 bits as a request id
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(
				() -> frames.decode(heap("[50, 123456789012345678901234567890, {}]".getBytes(StandardCharsets.UTF_8))));
		assertThat(frames.decode(heap("[50, 8, {}, [\"ok\"]]".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(new Result(8, Map.of(), List.of("ok"), Map.of()));
	}

	private static ByteBuffer heap(byte[] bytes) {
		// an array with bytes around the frame, as pooled buffers have
		byte[] padded = new byte[bytes.length + 16];
		System.arraycopy(bytes, 0, padded, 8, bytes.length);
		return ByteBuffer.wrap(padded, 8, bytes.length).slice();
	}

	private static ByteBuffer direct(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
		buffer.put(bytes).flip();
		return buffer;
	}

}
