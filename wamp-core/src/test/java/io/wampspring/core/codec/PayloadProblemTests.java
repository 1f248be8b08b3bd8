package io.wampspring.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampPayloadException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.WampMessageType;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A payload value a codec cannot map fails only its message
 * ({@link WampPayloadException}, with what the receiver needs to act on); broken
 * structure still ends the session.
 */
class PayloadProblemTests {

	@Test
	void msgpackExtensionInInvocationArgumentsFailsThatInvocation() throws Exception {
		byte[] frame = msgpack((p) -> {
			p.packArrayHeader(5);
			p.packInt(WampMessageType.INVOCATION);
			p.packLong(17);
			p.packLong(9);
			p.packMapHeader(0);
			p.packArrayHeader(3);
			p.packInt(1);
			p.packString("two");
			extension(p, 5);
		});
		WampPayloadException ex = payloadError(WampCodecs.MSGPACK, frame, WampMessageType.INVOCATION, 17, true);
		assertThat(ex.requestType()).isEqualTo(WampMessageType.INVOCATION);
		assertThat(ex).hasMessage("INVOCATION 17: Arguments[2] is a MessagePack extension value "
				+ "(extension type 5), which WAMP payloads cannot carry");
	}

	@Test
	void eventCarriesItsSubscriptionAndIsNotAnswerable() throws Exception {
		byte[] frame = msgpack((p) -> {
			p.packArrayHeader(6);
			p.packInt(WampMessageType.EVENT);
			p.packLong(5);
			p.packLong(77);
			p.packMapHeader(0);
			p.packArrayHeader(0);
			p.packMapHeader(2);
			p.packString("ok");
			p.packBoolean(true);
			p.packString("when");
			p.packTimestamp(1_700_000_000L);
		});
		WampPayloadException ex = payloadError(WampCodecs.MSGPACK, frame, WampMessageType.EVENT, 5, false);
		assertThat(ex.requestType()).isEqualTo(WampMessageType.EVENT);
		assertThat(ex).hasMessage("EVENT for subscription 5: ArgumentsKw.when is a MessagePack timestamp "
				+ "(extension type -1), which WAMP payloads cannot carry");
	}

	@Test
	void errorCarriesTheTypeAndIdOfTheRequestItAnswers() throws Exception {
		byte[] frame = msgpack((p) -> {
			p.packArrayHeader(6);
			p.packInt(WampMessageType.ERROR);
			p.packInt(WampMessageType.CALL);
			p.packLong(42);
			p.packMapHeader(0);
			p.packString("com.example.error");
			p.packArrayHeader(1);
			extension(p, 1);
		});
		WampPayloadException ex = payloadError(WampCodecs.MSGPACK, frame, WampMessageType.ERROR, 42, false);
		assertThat(ex.requestType()).isEqualTo(WampMessageType.CALL);
		assertThat(ex).hasMessageStartingWith("ERROR for CALL 42: Arguments[0] is a MessagePack extension");
	}

	@Test
	void pathNamesNestedListsAndDictionariesAndQuotesUnusualKeys() throws Exception {
		byte[] frame = msgpack((p) -> {
			p.packArrayHeader(3);
			p.packInt(WampMessageType.RESULT);
			p.packLong(8);
			p.packMapHeader(2);
			p.packString("fine");
			p.packArrayHeader(1);
			p.packNil();
			p.packString("odd key.x");
			p.packArrayHeader(2);
			p.packInt(0);
			p.packMapHeader(1);
			p.packString("y");
			extension(p, 9);
		});
		assertThat(payloadError(WampCodecs.MSGPACK, frame, WampMessageType.RESULT, 8, false))
			.hasMessageStartingWith("RESULT 8: Details[\"odd key.x\"][1].y is a MessagePack extension");
	}

	@Test
	void onlyTheFirstProblemIsReported() throws Exception {
		byte[] frame = msgpack((p) -> {
			p.packArrayHeader(6);
			p.packInt(WampMessageType.CALL);
			p.packLong(3);
			p.packMapHeader(1);
			p.packString("a");
			extension(p, 1);
			p.packString("com.example.x");
			p.packArrayHeader(1);
			extension(p, 2);
			p.packMapHeader(0);
		});
		assertThat(payloadError(WampCodecs.MSGPACK, frame, WampMessageType.CALL, 3, true))
			.hasMessageStartingWith("CALL 3: Options.a is a MessagePack extension value (extension type 1)");
	}

	@Test
	void aDictionaryKeyThatIsNotAStringIsAPayloadProblem() throws Exception {
		byte[] frame = msgpack((p) -> {
			call(p, 6, 3);
			p.packArrayHeader(0);
			p.packMapHeader(1);
			p.packString("nested");
			p.packMapHeader(2);
			p.packInt(1);
			p.packArrayHeader(2);
			p.packInt(1);
			p.packInt(2);
			p.packString("b");
			p.packInt(3);
		});
		assertThat(payloadError(WampCodecs.MSGPACK, frame, WampMessageType.CALL, 3, true))
			.hasMessage("CALL 3: ArgumentsKw.nested is a dictionary with a key that is an integer, "
					+ "but WAMP dictionary keys must be strings");
	}

	@Test
	void publishIsAnswerableOnlyWhenItAskedForAcknowledge() throws Exception {
		for (boolean acknowledge : new boolean[] { true, false }) {
			byte[] frame = msgpack((p) -> {
				p.packArrayHeader(5);
				p.packInt(WampMessageType.PUBLISH);
				p.packLong(4);
				p.packMapHeader(1);
				p.packString("acknowledge");
				p.packBoolean(acknowledge);
				p.packString("com.example.topic");
				p.packArrayHeader(1);
				extension(p, 3);
			});
			payloadError(WampCodecs.MSGPACK, frame, WampMessageType.PUBLISH, 4, acknowledge);
		}
	}

	@Test
	void brokenStructureWinsOverAPayloadProblem() throws Exception {
		// Too many elements: a structure error, though Arguments also holds an extension
		// value.
		byte[] tooLong = msgpack((p) -> {
			call(p, 7, 3);
			p.packArrayHeader(1);
			extension(p, 1);
			p.packMapHeader(0);
			p.packInt(0);
		});
		assertSessionEnding(tooLong, "expected 4 to 6 elements, got 7");
		// An extension value where the request id must be.
		byte[] extensionId = msgpack((p) -> {
			p.packArrayHeader(4);
			p.packInt(WampMessageType.CALL);
			extension(p, 1);
			p.packMapHeader(0);
			p.packString("com.example.x");
		});
		assertSessionEnding(extensionId,
				"element 1 (Request) must be an id (integer in 1..2^53), got a MessagePack extension value");
		// An extension value where Arguments must be a list.
		byte[] extensionArguments = msgpack((p) -> {
			call(p, 5, 3);
			extension(p, 1);
		});
		assertSessionEnding(extensionArguments, "element 4 (Arguments) must be a list, got a MessagePack extension");
		// Malformed MessagePack after the extension value: the frame is read to its end.
		byte[] valid = msgpack((p) -> {
			call(p, 5, 3);
			p.packArrayHeader(2);
			extension(p, 1);
			p.packString("truncated");
		});
		assertSessionEnding(java.util.Arrays.copyOf(valid, valid.length - 3), "malformed MessagePack");
	}

	@Test
	void sessionLevelMessagesStayProtocolViolations() throws Exception {
		byte[] hello = msgpack((p) -> {
			p.packArrayHeader(3);
			p.packInt(WampMessageType.HELLO);
			p.packString("realm1");
			p.packMapHeader(1);
			p.packString("roles");
			extension(p, 1);
		});
		assertSessionEnding(hello, "HELLO message: Details.roles is a MessagePack extension value");
	}

	@Test
	void cborSimpleValueIsAPayloadProblemAndUndefinedReadsAsNull() {
		// [48, 5, {}, "a.b", [simple(16)]]
		byte[] simple = bytes(0x85, 0x18, 0x30, 0x05, 0xa0, 0x63, 'a', '.', 'b', 0x81, 0xf0);
		assertThat(payloadError(WampCodecs.CBOR, simple, WampMessageType.CALL, 5, true))
			.hasMessage("CALL 5: Arguments[0] is a CBOR simple value (16), which WAMP payloads cannot carry");
		byte[] undefined = bytes(0x85, 0x18, 0x30, 0x05, 0xa0, 0x63, 'a', '.', 'b', 0x82, 0xf7, 0x01);
		assertThat(((Call) WampCodecs.CBOR.decode(undefined)).args()).containsExactly(null, 1L);
	}

	@Test
	void jsonNumberBeyondADoubleIsAPayloadProblem() {
		assertThat(payloadError(WampCodecs.JSON, json("[50, 6, {}, [1, -1e400]]"), WampMessageType.RESULT, 6, false))
			.hasMessage("RESULT 6: Arguments[1] is the number -1e400, beyond the range of a 64-bit float");
	}

	@Test
	void jsonBinaryThatIsNotBase64IsAPayloadProblem() {
		byte[] frame = json("[48, 2, {}, \"a.b\", [], {\"blob\": \"\\u0000!!!\"}]");
		assertThat(payloadError(WampCodecs.JSON, frame, WampMessageType.CALL, 2, true)).hasMessageStartingWith(
				"CALL 2: ArgumentsKw.blob is a string that starts with \\u0000, which marks binary data, "
						+ "but is not base64");
	}

	@Test
	void theCodecReadsTheNextMessageAfterAPayloadProblem() throws Exception {
		byte[] bad = msgpack((p) -> {
			call(p, 5, 3);
			p.packArrayHeader(1);
			extension(p, 1);
		});
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(bad)).isInstanceOf(WampPayloadException.class);
		Call good = new Call(4, Map.of(), "com.example.x", List.of("fine"), Map.of());
		assertThat(WampCodecs.MSGPACK.decode(WampCodecs.MSGPACK.encode(good))).isEqualTo(good);
	}

	/**
	 * Writes the start of a CALL: array header, type, request id, empty Options,
	 * procedure.
	 */
	private static void call(MessagePacker packer, int elements, long requestId) throws Exception {
		packer.packArrayHeader(elements);
		packer.packInt(WampMessageType.CALL);
		packer.packLong(requestId);
		packer.packMapHeader(0);
		packer.packString("com.example.x");
	}

	private static WampPayloadException payloadError(WampCodec codec, byte[] frame, int type, long requestId,
			boolean answerable) {
		Throwable thrown = catchThrowable(() -> codec.decode(frame));
		assertThat(thrown).isInstanceOf(WampPayloadException.class);
		WampPayloadException ex = (WampPayloadException) thrown;
		assertThat(ex.errorUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(ex.messageType()).isEqualTo(type);
		assertThat(ex.requestId()).isEqualTo(requestId);
		assertThat(ex.answerable()).isEqualTo(answerable);
		return ex;
	}

	private static void assertSessionEnding(byte[] frame, String expected) {
		assertThatThrownBy(() -> WampCodecs.MSGPACK.decode(frame)).isExactlyInstanceOf(WampProtocolException.class)
			.hasMessageContaining(expected)
			.satisfies(
					(ex) -> assertThat(((WampProtocolException) ex).errorUri()).isEqualTo(WampUris.PROTOCOL_VIOLATION));
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static void extension(MessagePacker packer, int type) throws Exception {
		packer.packExtensionTypeHeader((byte) type, 2);
		packer.writePayload(new byte[] { 1, 2 });
	}

	interface PackerAction {

		void pack(MessagePacker packer) throws Exception;

	}

	static byte[] msgpack(PackerAction action) throws Exception {
		try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
			action.pack(packer);
			return packer.toByteArray();
		}
	}

}
