package io.wampspring.core.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wampspring.core.message.Call;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Conservative in what the codecs send: definite-length CBOR, no MessagePack extension
 * types, and MessagePack without a buffer allocated per message.
 */
class CodecOutputTests {

	/** Every value kind the codecs write, in every size class that changes the header. */
	static List<Object> everyValueKind() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("k", List.of(1L, Map.of("deep", "x")));
		nested.put("x".repeat(5000), "long key");
		List<Object> values = new ArrayList<>(Arrays.asList(null, true, false, 0, -1, (short) 7, (byte) -8, 127L,
				Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("18446744073709551615"), BigInteger.TEN.negate(), 1.5f,
				0.1d, Double.MAX_VALUE, new BigDecimal("2.5"), "", "short", "\u00e9\u4e2d\ud83d\ude00", "y".repeat(255),
				"y".repeat(3996), "y".repeat(3997), "\u00e9".repeat(70_000), new byte[0], new byte[300],
				new byte[70_000], new StringBuilder("chars"), 'c', Thread.State.NEW, new Object[] { 1L, "two" },
				new LinkedHashSet<>(List.of("set")), nested, new ArrayList<>(java.util.Collections.nCopies(20, 1L))));
		values.add("z".repeat(1_000_000));
		return values;
	}

	private static WampMessage messageWithEveryValueKind() {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		List<Object> values = everyValueKind();
		for (int i = 0; i < values.size(); i++) {
			kwargs.put("v" + i, values.get(i));
		}
		return new Invocation(1, 2, Map.of("caller", 3L), values, kwargs);
	}

	@Test
	void cborWritesAOneMegabyteStringWithADefiniteLength() {
		String big = "x".repeat(1_000_000);
		byte[] cbor = WampCodecs.CBOR.encode(new Call(1, Map.of(), "a.b", List.of(big), Map.of()));
		// [48, 1, {}, "a.b", [<big>]]: 0x85 0x18 0x30 0x01 0xa0 0x63 a . b 0x81, then the
		// string.
		int header = 10;
		assertThat(cbor[header] & 0xff).as("major type 3 (text), additional info 26 (4-byte length)")
			.isEqualTo((3 << 5) | 26);
		int length = ((cbor[header + 1] & 0xff) << 24) | ((cbor[header + 2] & 0xff) << 16)
				| ((cbor[header + 3] & 0xff) << 8) | (cbor[header + 4] & 0xff);
		assertThat(length).isEqualTo(1_000_000);
		assertThat(cbor).hasSize(header + 5 + 1_000_000);
		assertThat(new String(cbor, header + 5, length, StandardCharsets.UTF_8)).isEqualTo(big);
	}

	@Test
	void cborWritesEveryItemWithADefiniteLength() {
		WampMessage message = messageWithEveryValueKind();
		byte[] cbor = WampCodecs.CBOR.encode(message);
		int end = new DefiniteCborWalker(cbor).item(0);
		assertThat(end).isEqualTo(cbor.length);
		assertThat(WampCodecs.CBOR.decode(cbor).type()).isEqualTo(WampMessageType.INVOCATION);
	}

	@Test
	void msgpackNeverWritesAnExtensionType() throws Exception {
		byte[] msgpack = WampCodecs.MSGPACK.encode(messageWithEveryValueKind());
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(msgpack)) {
			int values = 0;
			while (unpacker.hasNext()) {
				MessageFormat format = unpacker.getNextFormat();
				assertThat(format.getValueType()).as("format of value %d", values).isNotEqualTo(ValueType.EXTENSION);
				// Step into containers (their items follow) and over scalars.
				switch (format.getValueType()) {
					case ARRAY -> unpacker.unpackArrayHeader();
					case MAP -> unpacker.unpackMapHeader();
					default -> unpacker.skipValue();
				}
				values++;
			}
			assertThat(values).isGreaterThan(everyValueKind().size() * 2);
		}
	}

	@Test
	void valuesWithoutAWampMappingAreRefusedRatherThanWrittenAsExtensions() {
		Call call = new Call(1, Map.of(), "a.b", List.of(Instant.EPOCH), Map.of());
		assertThatThrownBy(() -> WampCodecs.MSGPACK.encode(call)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("java.time.Instant");
		Call huge = new Call(1, Map.of(), "a.b", List.of(BigInteger.TWO.pow(64)), Map.of());
		assertThatThrownBy(() -> WampCodecs.MSGPACK.encode(huge)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("MessagePack cannot hold the integer 18446744073709551616");
	}

	@Test
	void msgpackAllocatesNoBufferPerMessage() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
		WampMessage call = new Call(123456, Map.of("timeout", 1000L), "com.example.add2", List.of(2L, 3L, "hello"),
				Map.of("name", "john.doe"));
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		byte[] frame = WampCodecs.MSGPACK.encode(call);
		ByteArrayInputStream in = new ByteArrayInputStream(frame);
		for (int i = 0; i < 20_000; i++) {
			out.reset();
			WampCodecs.MSGPACK.encode(call, out);
			in.reset();
			WampCodecs.MSGPACK.decode(in);
		}
		int rounds = 2_000;
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < rounds; i++) {
			out.reset();
			WampCodecs.MSGPACK.encode(call, out);
			in.reset();
			WampCodecs.MSGPACK.decode(in);
		}
		long perMessage = (threads.getThreadAllocatedBytes(thread) - before) / rounds;
		// msgpack-core's defaults cost 8 KiB (packer) + 8 KiB (unpacker) + 16 KiB (string
		// decoder) per message; the message and its tree take about 2.5 KiB.
		assertThat(perMessage).as("bytes allocated per encode + decode").isLessThan(8 * 1024);
	}

	@Test
	void msgpackReadsStreamsThatDoNotKnowTheirLength() {
		Event event = new Event(1, 2, Map.of(), List.of("x".repeat(20_000)), Map.of("k", 1L));
		byte[] frame = WampCodecs.MSGPACK.encode(event);
		InputStream trickling = new InputStream() {

			private int position;

			@Override
			public int read() {
				return (this.position < frame.length) ? frame[this.position++] & 0xff : -1;
			}

			@Override
			public int available() {
				return 0;
			}

		};
		assertThat(WampCodecs.MSGPACK.decode(trickling)).isEqualTo(event);
	}

	@Test
	void msgpackRefusesALengthBeyondTheFrameBeforeAllocating() {
		// [48, 1, {}, "a.b", [bin32 of 2^31 - 1 bytes]] in 16 bytes.
		byte[] frame = PayloadProblemTests.bytes(0x95, 0x30, 0x01, 0x80, 0xa3, 'a', '.', 'b', 0x91, 0xc6, 0x7f, 0xff,
				0xff, 0xff, 0x00);
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(frame))
			.isInstanceOf(io.wampspring.core.WampProtocolException.class)
			.hasMessageContaining("declares 2147483647 bytes but the frame has 1 left");
	}

	@Test
	void sharedCodecsRoundTripOnManyThreadsAtOnce() throws Exception {
		List<WampMessage> messages = SampleMessages.all();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int offset = t;
				results.add(threads.submit(() -> {
					int checked = 0;
					for (int i = 0; i < 3_000; i++) {
						WampCodec codec = WampCodecs.all().get((i + offset) % 3);
						WampMessage message = messages.get((i * 7 + offset) % messages.size());
						assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
						checked++;
					}
					return checked;
				}));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(3_000);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Walks one CBOR data item and fails on any indefinite length. */
	private static final class DefiniteCborWalker {

		private final byte[] bytes;

		DefiniteCborWalker(byte[] bytes) {
			this.bytes = bytes;
		}

		/** Returns the offset after the item at {@code offset}. */
		int item(int offset) {
			int initial = this.bytes[offset] & 0xff;
			int major = initial >> 5;
			int info = initial & 0x1f;
			assertThat(info).as("additional info at offset %d (major type %d)", offset, major).isNotEqualTo(31);
			int argumentBytes = (info < 24) ? 0 : 1 << (info - 24);
			long argument = (info < 24) ? info : 0;
			for (int i = 1; i <= argumentBytes; i++) {
				argument = (argument << 8) | (this.bytes[offset + i] & 0xff);
			}
			int next = offset + 1 + argumentBytes;
			return switch (major) {
				case 2, 3 -> next + (int) argument;
				case 4 -> {
					for (long i = 0; i < argument; i++) {
						next = item(next);
					}
					yield next;
				}
				case 5 -> {
					for (long i = 0; i < argument * 2; i++) {
						next = item(next);
					}
					yield next;
				}
				case 6 -> item(next);
				default -> next;
			};
		}

	}

}
