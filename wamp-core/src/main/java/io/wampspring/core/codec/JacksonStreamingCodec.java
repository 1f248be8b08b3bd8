package io.wampspring.core.codec;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
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

	@Override
	public void encode(WampMessage message, OutputStream out) {
		try (JsonGenerator generator = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			ValueTrees.write(message.toList(), new GeneratorSink(generator, this.textual), 0);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("cannot write " + this.formatName + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public WampMessage decode(InputStream in) {
		List<?> wire;
		TreeReader reader;
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), in)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_ARRAY) {
				throw new WampProtocolException("a WAMP message must be a " + this.formatName + " array, got "
						+ ((first != null) ? describe(first) : "nothing"));
			}
			reader = new TreeReader(parser);
			wire = reader.readArray(1);
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				throw new WampProtocolException("unexpected " + describe(trailing) + " after the message array");
			}
		}
		catch (JacksonException ex) {
			throw new WampProtocolException(0, "malformed " + this.formatName + ": " + ex.getOriginalMessage(), ex);
		}
		return MessageFactory.fromList(wire, reader.problem());
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
			while ((token = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == null) {
					throw new WampProtocolException("truncated " + formatName + ": an array is not closed");
				}
				list.add(readValue(token, depth));
				readElement(depth, list.size() - 1);
			}
			return list;
		}

		private Map<String, @Nullable Object> readObject(int depth) {
			JsonToken token = this.parser.nextToken();
			if (token == JsonToken.END_OBJECT && depth == 2) {
				// most of a message's details and options are empty: no map for them (the
				// message keeps its dictionaries unmodifiable anyway; nested ones in a
				// payload stay mutable, as applications may expect)
				return Map.of();
			}
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (; token == JsonToken.PROPERTY_NAME; token = this.parser.nextToken()) {
				String name = this.parser.currentName();
				JsonToken valueToken = this.parser.nextToken();
				if (valueToken == null) {
					throw new WampProtocolException("truncated " + formatName + ": a dictionary is not closed");
				}
				map.put(name, readValue(valueToken, depth));
				readEntry(depth, name);
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
