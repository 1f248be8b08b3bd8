package io.wampspring.core.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.util.RecyclerPool;
import tools.jackson.dataformat.cbor.CBORSimpleValue;

/**
 * A codec on Jackson's streaming API, shared by JSON and CBOR: tokens are read straight
 * into the generic value tree and written straight from it, without a data-binding layer.
 */
abstract class JacksonStreamingCodec implements WampCodec {

	/**
	 * Jackson's buffers, one set per thread: every message takes and returns them, and
	 * Jackson's default pool (a concurrent deque) cost a node and two contended
	 * operations per message. The threads that encode and decode are few and long-lived
	 * (event loops, scheduler workers); a virtual thread just gets buffers of its own.
	 */
	static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.threadLocalPool();

	private final TokenStreamFactory factory;

	private final boolean textual;

	private final String formatName;

	JacksonStreamingCodec(TokenStreamFactory factory, boolean textual, String formatName) {
		this.factory = factory;
		this.textual = textual;
		this.formatName = formatName;
	}

	// One generator per thread, kept between messages: a new one per message (its I/O
	// context, write contexts and buffers) cost as much as writing the message. It writes
	// into the current message's stream only while encoding it.
	private final ThreadLocal<ThreadEncoder> encoders = ThreadLocal.withInitial(ThreadEncoder::new);

	@Override
	public void encode(WampMessage message, OutputStream out) {
		ThreadEncoder encoder = this.encoders.get();
		if (encoder.busy) {
			// not expected (encoding runs no application code), but never share a
			// generator
			encodeWithNewGenerator(message, out);
			return;
		}
		encoder.busy = true;
		encoder.target.out = out;
		boolean written = false;
		try {
			ValueTrees.write(message.toList(), encoder.sink, 0);
			encoder.generator.flush();
			written = true;
		}
		catch (JacksonException ex) {
			throw cannotWrite(ex);
		}
		finally {
			encoder.target.out = null;
			encoder.busy = false;
			if (!written) {
				// a generator left in the middle of a message is not used again
				this.encoders.remove();
			}
		}
	}

	private void encodeWithNewGenerator(WampMessage message, OutputStream out) {
		try (JsonGenerator generator = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			ValueTrees.write(message.toList(), new GeneratorSink(generator, this.textual), 0);
		}
		catch (JacksonException ex) {
			throw cannotWrite(ex);
		}
	}

	@Override
	public WampMessage decode(InputStream in) {
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), in)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	@Override
	public FrameDecoder frameDecoder() {
		// JSON only: a CBOR frame has no closing bracket to check
		return (this.textual && this.factory.canParseAsync()) ? new AsyncFrameDecoder()
				: WampCodec.super.frameDecoder();
	}

	private WampMessage read(JsonParser parser) {
		JsonToken first = next(parser);
		if (first != JsonToken.START_ARRAY) {
			throw new WampProtocolException("a WAMP message must be a " + this.formatName + " array, got "
					+ ((first != null) ? describe(first) : "nothing"));
		}
		TreeReader reader = new TreeReader(parser);
		List<?> wire = reader.readArray(1);
		JsonToken trailing = next(parser);
		if (trailing != null) {
			throw new WampProtocolException("unexpected " + describe(trailing) + " after the message array");
		}
		return MessageFactory.fromList(wire, reader.problem());
	}

	// A non-blocking parser that has read all of a frame answers NOT_AVAILABLE: for a
	// whole frame, that is its end.
	private static @Nullable JsonToken next(JsonParser parser) {
		JsonToken token = parser.nextToken();
		return (token == JsonToken.NOT_AVAILABLE) ? null : token;
	}

	private IllegalArgumentException cannotWrite(JacksonException ex) {
		return new IllegalArgumentException("cannot write " + this.formatName + ": " + ex.getOriginalMessage(), ex);
	}

	private WampProtocolException malformed(JacksonException ex) {
		return new WampProtocolException(0, "malformed " + this.formatName + ": " + ex.getOriginalMessage(), ex);
	}

	/**
	 * A generator for one thread, and the stream it writes to for the message at hand.
	 */
	private final class ThreadEncoder {

		final Target target = new Target();

		final JsonGenerator generator;

		final GeneratorSink sink;

		boolean busy;

		ThreadEncoder() {
			this.generator = JacksonStreamingCodec.this.factory.createGenerator(ObjectWriteContext.empty(),
					this.target);
			this.sink = new GeneratorSink(this.generator, JacksonStreamingCodec.this.textual);
		}

	}

	/**
	 * Passes bytes on to the current message's stream.
	 */
	private static final class Target extends OutputStream {

		@Nullable OutputStream out;

		@Override
		public void write(int b) throws IOException {
			current().write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			current().write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			current().flush();
		}

		private OutputStream current() {
			OutputStream current = this.out;
			if (current == null) {
				throw new IllegalStateException("no message is being written");
			}
			return current;
		}

	}

	/**
	 * Reads the frames of one connection with one non-blocking parser, fed a whole frame
	 * at a time: a frame costs no parser, I/O context or symbol table of its own. After a
	 * frame it could not read, the decoder starts over with a new parser.
	 */
	private final class AsyncFrameDecoder implements FrameDecoder {

		// frames up to this size are copied (when not in a heap array) into one array
		// kept
		// for the connection; larger ones get an array of their own
		private static final int KEPT_COPY = 64 * 1024;

		private JsonParser parser = newParser();

		private byte @Nullable [] copy;

		@Override
		public WampMessage decode(ByteBuffer frame) {
			int length = frame.remaining();
			byte[] bytes;
			int offset;
			if (frame.hasArray()) {
				bytes = frame.array();
				offset = frame.arrayOffset() + frame.position();
			}
			else {
				bytes = copyOf(frame, length);
				offset = 0;
			}
			if (!endsWithClosingBracket(bytes, offset, length)) {
				// not a whole message array (truncated, trailing content, empty): the
				// non-blocking parser would wait for more, so this frame is read on its
				// own, which also names the problem
				return JacksonStreamingCodec.this.decode(new ByteArrayInputStream(bytes, offset, length));
			}
			boolean clean = false;
			try {
				((ByteArrayFeeder) this.parser.nonBlockingInputFeeder()).feedInput(bytes, offset, offset + length);
				WampMessage message = read(this.parser);
				clean = true;
				return message;
			}
			catch (JacksonException ex) {
				throw malformed(ex);
			}
			finally {
				if (!clean) {
					this.parser.close();
					this.parser = newParser();
				}
			}
		}

		// A frame's message array must end the frame (whitespace aside): what followed it
		// would otherwise wait in the parser for the next frame.
		private static boolean endsWithClosingBracket(byte[] bytes, int offset, int length) {
			for (int i = offset + length - 1; i >= offset; i--) {
				byte b = bytes[i];
				if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
					return b == ']';
				}
			}
			return false;
		}

		private byte[] copyOf(ByteBuffer frame, int length) {
			byte[] target = this.copy;
			if (target == null || target.length < length) {
				target = new byte[Math.max(length, 256)];
				if (length <= KEPT_COPY) {
					this.copy = target;
				}
			}
			frame.get(frame.position(), target, 0, length);
			return target;
		}

		private JsonParser newParser() {
			return JacksonStreamingCodec.this.factory.createNonBlockingByteArrayParser(ObjectReadContext.empty());
		}

	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/**
	 * Reads one frame's tokens into the value tree; values it cannot map become problems.
	 */
	private final class TreeReader extends PayloadProblem.Tracker {

		private final JsonParser parser;

		TreeReader(JsonParser parser) {
			this.parser = parser;
		}

		/**
		 * Reads the elements of an array whose start was read; they are at {@code depth}.
		 */
		List<@Nullable Object> readArray(int depth) {
			List<@Nullable Object> list = new ArrayList<>();
			JsonToken token;
			while ((token = next(this.parser)) != JsonToken.END_ARRAY) {
				if (token == null) {
					throw new WampProtocolException("truncated " + formatName + ": an array is not closed");
				}
				list.add(readValue(token, depth));
				readElement(depth, list.size() - 1);
			}
			return list;
		}

		private Map<String, @Nullable Object> readObject(int depth) {
			JsonToken token = next(this.parser);
			if (token == JsonToken.END_OBJECT && depth == 2) {
				// most of a message's details and options are empty: no map for them (the
				// message keeps its dictionaries unmodifiable anyway; nested ones in a
				// payload stay mutable, as applications may expect)
				return Map.of();
			}
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (; token == JsonToken.PROPERTY_NAME; token = next(this.parser)) {
				String name = this.parser.currentName();
				JsonToken valueToken = next(this.parser);
				if (valueToken == null) {
					throw new WampProtocolException("truncated " + formatName + ": a dictionary is not closed");
				}
				map.put(name, readValue(valueToken, depth));
				readEntry(depth, name);
			}
			if (token == null) {
				throw new WampProtocolException("truncated " + formatName + ": a dictionary is not closed");
			}
			if (token != JsonToken.END_OBJECT) {
				throw new WampProtocolException(formatName + " dictionary keys must be strings");
			}
			return map;
		}

		private @Nullable Object readValue(JsonToken token, int depth) {
			if (depth > ValueTrees.MAX_DEPTH) {
				throw new WampProtocolException("message is nested deeper than " + ValueTrees.MAX_DEPTH + " levels");
			}
			switch (token) {
				case VALUE_STRING: {
					String text = this.parser.getString();
					if (textual && !text.isEmpty() && text.charAt(0) == '\0') {
						return decodeBinary(text, depth);
					}
					return text;
				}
				case VALUE_NUMBER_INT:
					return switch (this.parser.getNumberType()) {
						case INT, LONG -> this.parser.getLongValue();
						default -> {
							BigInteger big = this.parser.getBigIntegerValue();
							yield (big.bitLength() < 64) ? (Object) big.longValue() : big;
						}
					};
				case VALUE_NUMBER_FLOAT: {
					double value = this.parser.getDoubleValue();
					// JSON text and CBOR decimal fractions have no infinity: an infinite
					// double means overflow.
					if (Double.isInfinite(value)
							&& (textual || this.parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL)) {
						return unmappable("the number " + abbreviate(this.parser.getText())
								+ ", beyond the range of a 64-bit float", depth);
					}
					return value;
				}
				case VALUE_TRUE:
					return Boolean.TRUE;
				case VALUE_FALSE:
					return Boolean.FALSE;
				case VALUE_NULL:
					return null;
				case START_ARRAY:
					return readArray(depth + 1);
				case START_OBJECT:
					return readObject(depth + 1);
				case VALUE_EMBEDDED_OBJECT:
					return embedded(this.parser.getEmbeddedObject(), depth);
				default:
					throw new WampProtocolException("unexpected " + formatName + " token " + token);
			}
		}

		private @Nullable Object embedded(@Nullable Object value, int depth) {
			if (value instanceof byte[] || value == null) {
				// A CBOR byte string, or CBOR "undefined", which reads as null as
				// JavaScript peers mean it.
				return value;
			}
			if (value instanceof CBORSimpleValue simple) {
				return unmappable("a CBOR simple value (" + simple.getValue() + "), which WAMP payloads cannot carry",
						depth);
			}
			return unmappable("a " + formatName + " value that reads as a " + value.getClass().getSimpleName()
					+ ", which WAMP payloads cannot carry", depth);
		}

		private @Nullable Object decodeBinary(String text, int depth) {
			try {
				return Base64.getDecoder().decode(text.substring(1));
			}
			catch (IllegalArgumentException ex) {
				return unmappable("a string that starts with \\u0000, which marks binary data, but is not base64 ("
						+ ex.getMessage() + ")", depth);
			}
		}

	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

	/** Writes the value tree to a Jackson generator. */
	private static final class GeneratorSink implements ValueTrees.Sink {

		/**
		 * Strings longer than this are handed to the CBOR generator as UTF-8 bytes: it
		 * chunks strings of more than 3,996 characters (Jackson 3.1) into an
		 * indefinite-length string.
		 */
		private static final int LONG_STRING_CHARS = 2000;

		private final JsonGenerator generator;

		private final boolean textual;

		GeneratorSink(JsonGenerator generator, boolean textual) {
			this.generator = generator;
			this.textual = textual;
		}

		@Override
		public void nullValue() {
			this.generator.writeNull();
		}

		@Override
		public void string(String value) {
			if (!this.textual && value.length() > LONG_STRING_CHARS) {
				// Jackson's CBOR generator writes long strings as indefinite-length
				// chunks, which some peers reject; as UTF-8 bytes it writes one
				// definite-length string.
				byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
				this.generator.writeUTF8String(utf8, 0, utf8.length);
			}
			else {
				this.generator.writeString(value);
			}
		}

		@Override
		public void bool(boolean value) {
			this.generator.writeBoolean(value);
		}

		@Override
		public void integer(long value) {
			this.generator.writeNumber(value);
		}

		@Override
		public void bigInteger(BigInteger value) {
			this.generator.writeNumber(value);
		}

		@Override
		public void floating(double value) {
			this.generator.writeNumber(value);
		}

		@Override
		public void binary(byte[] value) {
			if (this.textual) {
				// The WAMP convention for binary in JSON: a NUL character, then standard
				// base64.
				this.generator.writeString("\0" + Base64.getEncoder().encodeToString(value));
			}
			else {
				this.generator.writeBinary(value);
			}
		}

		@Override
		public void startArray(int size) {
			this.generator.writeStartArray(null, size);
		}

		@Override
		public void endArray() {
			this.generator.writeEndArray();
		}

		@Override
		public void startMap(int size) {
			this.generator.writeStartObject(null, size);
		}

		@Override
		public void key(String key) {
			if (!this.textual && key.length() > LONG_STRING_CHARS) {
				this.generator.writeName(new SerializedString(key));
			}
			else {
				this.generator.writeName(key);
			}
		}

		@Override
		public void endMap() {
			this.generator.writeEndObject();
		}

	}

}
