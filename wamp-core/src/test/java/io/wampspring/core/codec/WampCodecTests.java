package io.wampspring.core.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Welcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class WampCodecTests {

	static Stream<Arguments> everyMessageInEveryCodec() {
		List<Arguments> cases = new ArrayList<>();
		for (WampCodec codec : WampCodecs.all()) {
			for (WampMessage message : SampleMessages.all()) {
				cases.add(Arguments.of(codec, message));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyMessageInEveryCodec")
	void roundTripsEveryMessage(WampCodec codec, WampMessage message) {
		WampMessage decoded = codec.decode(codec.encode(message));
		assertThat(decoded).isEqualTo(message);
		assertThat(decoded.type()).isEqualTo(message.type());
	}

	@Test
	void samplesCoverEveryMessageType() {
		Set<Integer> types = SampleMessages.all().stream().map(WampMessage::type).collect(Collectors.toSet());
		assertThat(types).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 8, 16, 17, 32, 33, 34, 35, 36, 48, 49, 50, 64, 65,
				66, 67, 68, 69, 70);
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void binaryValuesSurviveEveryCodec(WampCodec codec) {
		byte[] blob = { 0, 1, 2, (byte) 0xff, 'a' };
		Call call = new Call(1, Map.of(), "com.example.blob", List.of(blob), Map.of("b", blob));
		Call decoded = (Call) codec.decode(codec.encode(call));
		assertThat((byte[]) decoded.args().get(0)).containsExactly(blob);
		assertThat((byte[]) decoded.kwargs().get("b")).containsExactly(blob);
	}

	static Stream<WampCodec> codecs() {
		return WampCodecs.all().stream();
	}

	@Test
	void jsonWritesBinaryAsNulPrefixedBase64() {
		Call call = new Call(1, Map.of(), "com.example.blob", List.of(new byte[] { 1, 2, 3 }), Map.of());
		String json = new String(WampCodecs.JSON.encode(call), StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("[48,1,{},\"com.example.blob\",[\"\\u0000AQID\"]]");
	}

	@Test
	void jsonReadsNulPrefixedBase64AsBinary() {
		Call call = (Call) decodeJson("[48,1,{},\"com.example.blob\",[\"\\u0000AQID\", \"plain\"]]");
		assertThat((byte[]) call.args().get(0)).containsExactly(1, 2, 3);
		assertThat(call.args().get(1)).isEqualTo("plain");
	}

	@Test
	void jsonOmitsEmptyPayloadAsTheSpecificationRequires() {
		assertThat(encodeJson(new Call(1, Map.of(), "a.b"))).isEqualTo("[48,1,{},\"a.b\"]");
		assertThat(encodeJson(new Call(1, Map.of(), "a.b", List.of(1L), Map.of()))).isEqualTo("[48,1,{},\"a.b\",[1]]");
		assertThat(encodeJson(new Call(1, Map.of(), "a.b", List.of(), Map.of("k", 1L))))
			.isEqualTo("[48,1,{},\"a.b\",[],{\"k\":1}]");
	}

	@Test
	void nullArgumentsReadAsEmptyLikeOtherPeersSendThem() {
		Result result = (Result) decodeJson("[50, 3, {}, null, null]");
		assertThat(result.args()).isEmpty();
		assertThat(result.kwargs()).isEmpty();
		Event event = (Event) decodeJson("[36, 1, 2, {\"topic\": null}, [1], null]");
		assertThat(event.args()).containsExactly(1L);
		assertThat(event.details()).doesNotContainKey("topic");
	}

	@Test
	void integersAreNormalizedAcrossCodecs() {
		Call call = new Call(1, Map.of(), "a.b",
				Arrays.asList(1, (short) 2, (byte) 3, 4L, new BigInteger("18446744073709551615"), 1.5f), Map.of());
		for (WampCodec codec : WampCodecs.all()) {
			Call decoded = (Call) codec.decode(codec.encode(call));
			assertThat(decoded.args()).as(codec.toString())
				.containsExactly(1L, 2L, 3L, 4L, new BigInteger("18446744073709551615"), 1.5d);
		}
	}

	@Test
	void encodingAnUnsupportedValueNamesTheType() {
		Call call = new Call(1, Map.of(), "a.b", List.of(new Object()), Map.of());
		for (WampCodec codec : WampCodecs.all()) {
			assertThatThrownBy(() -> codec.encode(call)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("java.lang.Object");
		}
	}

	@Test
	void encodingWritesIntoAStreamWithoutClosingIt() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		WampCodecs.MSGPACK.encode(new Call(1, Map.of(), "a.b"), out);
		WampCodecs.MSGPACK.encode(new Call(2, Map.of(), "a.b"), out);
		assertThat(out.size()).isGreaterThan(10);
	}

	static Stream<Arguments> malformedJson() {
		return Stream.of(Arguments.of("", "got nothing"), Arguments.of("{}", "must be a JSON array, got an object"),
				Arguments.of("42", "must be a JSON array"), Arguments.of("[]", "non-empty array"),
				Arguments.of("[\"48\"]", "integer type code"),
				Arguments.of("[999, 1]", "unknown WAMP message type code 999"),
				Arguments.of("[-1]", "unknown WAMP message type code"),
				Arguments.of("[48, 1, {}]", "CALL message: expected 4 to 6 elements, got 3"),
				Arguments.of("[48, 1, {}, \"a.b\", [], {}, 7]", "expected 4 to 6 elements, got 7"),
				Arguments.of("[48, \"1\", {}, \"a.b\"]", "element 1 (Request) must be an id"),
				Arguments.of("[48, 0, {}, \"a.b\"]", "must be an id in 1..2^53, got 0"),
				Arguments.of("[48, 9007199254740993, {}, \"a.b\"]", "must be an id in 1..2^53"),
				Arguments.of("[48, 1.5, {}, \"a.b\"]", "element 1 (Request) must be an id"),
				Arguments.of("[48, 1, [], \"a.b\"]", "element 2 (Options) must be a dictionary, got list"),
				Arguments.of("[48, 1, {}, 5]", "element 3 (Procedure) must be a string, got integer 5"),
				Arguments.of("[48, 1, {}, \"a..b\"]", "is not a valid URI"),
				Arguments.of("[48, 1, {}, \"a b\"]", "is not a valid URI"),
				Arguments.of("[48, 1, {}, \"a.b\", {}]", "element 4 (Arguments) must be a list, got dictionary"),
				Arguments.of("[48, 1, {}, \"a.b\", [], []]", "element 5 (ArgumentsKw) must be a dictionary, got list"),
				Arguments.of("[1, \"realm1\", null]", "element 2 (Details) must be a dictionary, got null"),
				Arguments.of("[8, 99, 1, {}, \"wamp.error.x\"]", "REQUEST.Type"),
				Arguments.of("[32, 1, {\"match\": \"fuzzy\"}, \"a.b\"]",
						"'match' must be one of exact, prefix, wildcard"),
				Arguments.of("[32, 1, {}, \"a..b\"]", "not a valid exact URI"),
				Arguments.of("[35, 0, 5]", "element 2 (Details) must be a dictionary"),
				Arguments.of("[48, 1", "malformed JSON"),
				Arguments.of("[48, 1, {}, \"a.b\"] [1]", "after the message array"),
				Arguments.of("[48, 1, {1: 2}, \"a.b\"]", "malformed JSON"),
				Arguments.of("[48, 1, {}, \"a.b\", [\"\\u0000!!!\"]]", "base64"),
				Arguments.of("[" + "[".repeat(300) + "]".repeat(300) + "]", "nested"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedJson")
	void malformedJsonIsATypedProtocolErrorThatNamesTheProblem(String json, String expected) {
		assertThatThrownBy(() -> decodeJson(json)).isInstanceOf(WampProtocolException.class)
			.hasMessageContaining(expected);
	}

	@Test
	void wholeNumberFloatIdsAreAcceptedInEveryCodec() throws Exception {
		// Some CBOR encoders write integers as float64: [48, 7.0, {}, "a.b"].
		byte[] cbor = concat(PayloadProblemTests.bytes(0x84, 0x18, 0x30), float64(7.0),
				PayloadProblemTests.bytes(0xa0, 0x63, 'a', '.', 'b'));
		assertThat(WampCodecs.CBOR.decode(cbor)).isEqualTo(new Call(7, Map.of(), "a.b"));
		byte[] msgpack = pack((packer) -> {
			packer.packArrayHeader(3);
			packer.packInt(WampMessageType.WELCOME);
			packer.packDouble(9007199254740992d);
			packer.packMapHeader(0);
		});
		assertThat(((Welcome) WampCodecs.MSGPACK.decode(msgpack)).session()).isEqualTo(1L << 53);
		assertThat(decodeJson("[36, 5.0, 6e0, {}]")).isEqualTo(new Event(5, 6, Map.of()));
		assertThat(decodeJson("[35, 0.0]")).isEqualTo(new Unsubscribed(0));
		assertThat(decodeJson("[8, 48, 3.0, {}, \"wamp.error.canceled\"]"))
			.isEqualTo(new ErrorMessage(WampMessageType.CALL, 3, Map.of(), "wamp.error.canceled", List.of(), Map.of()));
	}

	static Stream<Arguments> floatsThatAreNotIds() {
		return Stream.of(Arguments.of(new byte[] { (byte) 0xfb, 0x3f, (byte) 0xf8, 0, 0, 0, 0, 0, 0 }, "1.5"),
				Arguments.of(float64(0.0), "got 0.0"), Arguments.of(float64(-3.0), "got -3.0"),
				Arguments.of(float64(9007199254740994d), "must be an id in 1..2^53, got 9.007199254740994E15"),
				Arguments.of(new byte[] { (byte) 0xf9, 0x7e, 0x00 }, "NaN"),
				Arguments.of(new byte[] { (byte) 0xf9, 0x7c, 0x00 }, "Infinity"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("floatsThatAreNotIds")
	void fractionalNanAndOutOfRangeFloatsAreStillProtocolViolations(byte[] id, String expected) {
		byte[] cbor = concat(PayloadProblemTests.bytes(0x84, 0x18, 0x30), id,
				PayloadProblemTests.bytes(0xa0, 0x63, 'a', '.', 'b'));
		assertThatThrownBy(() -> WampCodecs.CBOR.decode(cbor)).isExactlyInstanceOf(WampProtocolException.class)
			.hasMessageContaining("element 1 (Request) must be an id")
			.hasMessageContaining(expected);
	}

	private static byte[] float64(double value) {
		byte[] bytes = java.nio.ByteBuffer.allocate(9).put((byte) 0xfb).putDouble(value).array();
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void protocolErrorKnowsTheMessageType() {
		assertThatThrownBy(() -> decodeJson("[48, 0, {}, \"a.b\"]")).isInstanceOfSatisfying(WampProtocolException.class,
				(ex) -> assertThat(ex.messageType()).isEqualTo(WampMessageType.CALL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsWithInvalidUris")
	void invalidUriInARequestCarriesTheRequestIdAndInvalidUri(String json, int type) {
		assertThatThrownBy(() -> decodeJson(json)).isInstanceOfSatisfying(WampProtocolException.class, (ex) -> {
			assertThat(ex.messageType()).isEqualTo(type);
			assertThat(ex.requestId()).isEqualTo(7);
			assertThat(ex.errorUri()).isEqualTo(WampUris.INVALID_URI);
			assertThat(ex).hasMessageContaining("not a valid");
		});
	}

	static Stream<Arguments> requestsWithInvalidUris() {
		return Stream.of(Arguments.of("[48, 7, {}, \"com..add\", [1]]", WampMessageType.CALL),
				Arguments.of("[64, 7, {}, \"com.a b\"]", WampMessageType.REGISTER),
				Arguments.of("[64, 7, {\"match\": \"prefix\"}, \"com.a b\"]", WampMessageType.REGISTER),
				Arguments.of("[32, 7, {}, \"com..t\"]", WampMessageType.SUBSCRIBE),
				Arguments.of("[16, 7, {\"acknowledge\": true}, \"com..t\"]", WampMessageType.PUBLISH));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unanswerableErrors")
	void otherProtocolErrorsHaveNoRequestIdAndAreProtocolViolations(String json) {
		assertThatThrownBy(() -> decodeJson(json)).isInstanceOfSatisfying(WampProtocolException.class, (ex) -> {
			assertThat(ex.requestId()).isZero();
			assertThat(ex.errorUri()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		});
	}

	static Stream<String> unanswerableErrors() {
		return Stream.of("[48, 0, {}, \"com..add\"]", // no valid request id
				"[48, 7, {}, \"com.add\", 5]", // malformed arguments, not a URI problem
				"[64, 7, {\"match\": \"nope\"}, \"com.x\"]", // unknown match policy
				"[34, 7, 0]");
	}

	@Test
	void invalidUriOutsideAnAnswerableRequestHasNoRequestId() {
		// A PUBLISH without acknowledge expects no answer; HELLO is not a request.
		for (String json : List.of("[16, 7, {}, \"com..t\"]", "[1, \"realm..x\", {}]")) {
			assertThatThrownBy(() -> decodeJson(json)).isInstanceOfSatisfying(WampProtocolException.class, (ex) -> {
				assertThat(ex.requestId()).isZero();
				assertThat(ex.errorUri()).isEqualTo(WampUris.INVALID_URI);
			});
		}
	}

	@Test
	void protocolErrorWithCauseKeepsDefaults() {
		WampProtocolException ex = new WampProtocolException(WampMessageType.CALL, "bad", new IllegalStateException());
		assertThat(ex.requestId()).isZero();
		assertThat(ex.errorUri()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
		assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class);
		assertThat(new WampProtocolException("bad").getCause()).isNull();
	}

	@Test
	void patternsWithEmptyComponentsAreAcceptedOnlyForTheirMatchPolicy() {
		assertThat(decodeJson("[64, 1, {\"match\": \"wildcard\"}, \"com..add\"]").type())
			.isEqualTo(WampMessageType.REGISTER);
		assertThat(decodeJson("[64, 1, {\"match\": \"prefix\"}, \"com.example.\"]").type())
			.isEqualTo(WampMessageType.REGISTER);
		assertThatThrownBy(() -> decodeJson("[64, 1, {}, \"com..add\"]")).isInstanceOf(WampProtocolException.class);
	}

	@Test
	void malformedMessagePackIsATypedProtocolError() throws Exception {
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(new byte[0])).isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("got nothing");
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(new byte[] { (byte) 0x93, 0x30 }))
			.isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("malformed MessagePack");
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(new byte[] { 0x05 }))
			.isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("must be a MessagePack array, got integer");
		byte[] intKeys = pack((packer) -> {
			packer.packArrayHeader(3);
			packer.packInt(2);
			packer.packInt(5);
			packer.packMapHeader(1);
			packer.packInt(1);
			packer.packInt(2);
		});
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(intKeys)).isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("keys must be strings");
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(intKeys)).isExactlyInstanceOf(WampProtocolException.class);
		byte[] extension = pack((packer) -> {
			packer.packArrayHeader(1);
			packer.packExtensionTypeHeader((byte) 1, 1);
			packer.writePayload(new byte[] { 1 });
		});
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(extension)).isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("extension");
		byte[] hugeHeader = { (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x30 };
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(hugeHeader)).isInstanceOf(WampProtocolException.class);
		byte[] valid = WampCodecs.MSGPACK.encode(new Call(1, Map.of(), "a.b"));
		byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(trailing)).isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("after the MessagePack message array");
	}

	@Test
	void malformedCborIsATypedProtocolError() {
		byte[] valid = WampCodecs.CBOR.encode(new Call(1, Map.of(), "a.b"));
		assertThatThrownBy(() -> WampCodecs.CBOR.decode(Arrays.copyOf(valid, valid.length - 2)))
			.isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("CBOR");
		assertThatThrownBy(() -> WampCodecs.CBOR.decode(new byte[] { (byte) 0xa0 }))
			.isInstanceOf(WampProtocolException.class)
			.hasMessageContaining("must be a CBOR array, got an object");
	}

	@ParameterizedTest
	@MethodSource("codecs")
	void randomGarbageNeverEscapesAsAnythingButAProtocolError(WampCodec codec) {
		Random random = new Random(42);
		List<byte[]> seeds = SampleMessages.all().stream().map(codec::encode).toList();
		for (int i = 0; i < 20_000; i++) {
			byte[] input;
			if (i % 2 == 0) {
				input = new byte[random.nextInt(40)];
				random.nextBytes(input);
			}
			else {
				// Mutate a valid message: the interesting failures are near-valid frames.
				byte[] seed = seeds.get(random.nextInt(seeds.size()));
				input = Arrays.copyOf(seed, Math.max(1, seed.length - random.nextInt(3)));
				for (int flips = random.nextInt(3) + 1; flips > 0; flips--) {
					input[random.nextInt(input.length)] = (byte) random.nextInt(256);
				}
			}
			try {
				codec.decode(input);
			}
			catch (WampProtocolException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
			catch (RuntimeException | StackOverflowError ex) {
				fail("input " + Arrays.toString(input) + " escaped as " + ex, ex);
			}
		}
	}

	@Test
	void codecsAreFoundBySubprotocolNameAndRawSocketId() {
		assertThat(WampCodecs.bySubprotocol("wamp.2.cbor")).isSameAs(WampCodecs.CBOR);
		assertThat(WampCodecs.bySubprotocol("wamp.2.ubjson")).isNull();
		assertThat(WampCodecs.byName("MsgPack")).isSameAs(WampCodecs.MSGPACK);
		assertThat(WampCodecs.byName("wamp.2.json")).isSameAs(WampCodecs.JSON);
		assertThat(WampCodecs.byRawSocketId(1)).isSameAs(WampCodecs.JSON);
		assertThat(WampCodecs.byRawSocketId(2)).isSameAs(WampCodecs.MSGPACK);
		assertThat(WampCodecs.byRawSocketId(3)).isSameAs(WampCodecs.CBOR);
		assertThat(WampCodecs.byRawSocketId(4)).isNull();
		assertThatThrownBy(() -> WampCodecs.byName("xml"))
			.hasMessage("unknown WAMP serializer 'xml': use one of json, msgpack, cbor");
		assertThat(WampCodecs.JSON.isBinary()).isFalse();
		assertThat(WampCodecs.MSGPACK.isBinary()).isTrue();
		assertThat(WampCodecs.CBOR.isBinary()).isTrue();
	}

	private static WampMessage decodeJson(String json) {
		return WampCodecs.JSON.decode(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String encodeJson(WampMessage message) {
		return new String(WampCodecs.JSON.encode(message), StandardCharsets.UTF_8);
	}

	interface PackerAction {

		void pack(MessagePacker packer) throws Exception;

	}

	private static byte[] pack(PackerAction action) throws Exception {
		MessagePacker packer = MessagePack.newDefaultBufferPacker();
		action.pack(packer);
		packer.flush();
		return ((org.msgpack.core.MessageBufferPacker) packer).toByteArray();
	}

}
