package io.wampspring.core.codec;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
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

/**
 * A codec on Jackson's streaming API, shared by JSON and CBOR: tokens are read straight into
 * the generic value tree and written straight from it, without a data-binding layer.
 */
abstract class JacksonStreamingCodec implements WampCodec {

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
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), in)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_ARRAY) {
				throw new WampProtocolException("a WAMP message must be a " + this.formatName + " array, got "
						+ ((first != null) ? describe(first) : "nothing"));
			}
			wire = readArray(parser, 1);
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				throw new WampProtocolException("unexpected " + describe(trailing) + " after the message array");
			}
		}
		catch (JacksonException ex) {
			throw new WampProtocolException(0, "malformed " + this.formatName + ": " + ex.getOriginalMessage(), ex);
		}
		return MessageFactory.fromList(wire);
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

	private List<@Nullable Object> readArray(JsonParser parser, int depth) {
		List<@Nullable Object> list = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == null) {
				throw new WampProtocolException("truncated " + this.formatName + ": an array is not closed");
			}
			list.add(readValue(parser, token, depth));
		}
		return list;
	}

	private Map<String, @Nullable Object> readObject(JsonParser parser, int depth) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken valueToken = parser.nextToken();
			if (valueToken == null) {
				throw new WampProtocolException("truncated " + this.formatName + ": a dictionary is not closed");
			}
			map.put(name, readValue(parser, valueToken, depth));
		}
		if (token != JsonToken.END_OBJECT) {
			throw new WampProtocolException(this.formatName + " dictionary keys must be strings");
		}
		return map;
	}

	private @Nullable Object readValue(JsonParser parser, JsonToken token, int depth) {
		if (depth > ValueTrees.MAX_DEPTH) {
			throw new WampProtocolException("message is nested deeper than " + ValueTrees.MAX_DEPTH + " levels");
		}
		switch (token) {
			case VALUE_STRING: {
				String text = parser.getString();
				if (this.textual && !text.isEmpty() && text.charAt(0) == '\0') {
					return decodeBinary(text);
				}
				return text;
			}
			case VALUE_NUMBER_INT:
				return switch (parser.getNumberType()) {
					case INT, LONG -> parser.getLongValue();
					default -> {
						BigInteger big = parser.getBigIntegerValue();
						yield (big.bitLength() < 64) ? (Object) big.longValue() : big;
					}
				};
			case VALUE_NUMBER_FLOAT:
				return parser.getDoubleValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case VALUE_NULL:
				return null;
			case START_ARRAY:
				return readArray(parser, depth + 1);
			case START_OBJECT:
				return readObject(parser, depth + 1);
			case VALUE_EMBEDDED_OBJECT: {
				Object embedded = parser.getEmbeddedObject();
				if (embedded instanceof byte[]) {
					return embedded;
				}
				return parser.getBinaryValue();
			}
			default:
				throw new WampProtocolException("unexpected " + this.formatName + " token " + token);
		}
	}

	private static byte[] decodeBinary(String text) {
		try {
			return Base64.getDecoder().decode(text.substring(1));
		}
		catch (IllegalArgumentException ex) {
			throw new WampProtocolException(0,
					"a JSON string starting with \\u0000 must hold base64 binary data: " + ex.getMessage(), ex);
		}
	}

	/** Writes the value tree to a Jackson generator. */
	private static final class GeneratorSink implements ValueTrees.Sink {

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
			this.generator.writeString(value);
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
				// The WAMP convention for binary in JSON: a NUL character, then standard base64.
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
			this.generator.writeName(key);
		}

		@Override
		public void endMap() {
			this.generator.writeEndObject();
		}

	}

}
