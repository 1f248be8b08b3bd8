package io.wampspring.core.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * The MessagePack serializer ({@code wamp.2.msgpack}, RawSocket id 2) on msgpack-core's
 * streaming packer and unpacker: binary frames, the bin type for binary values.
 */
public final class MsgpackCodec implements WampCodec {

	/** Upper bound for pre-sizing collections from a header, which a hostile frame controls. */
	private static final int MAX_PRESIZE = 64;

	MsgpackCodec() {
	}

	@Override
	public String subprotocol() {
		return "wamp.2.msgpack";
	}

	@Override
	public int rawSocketSerializerId() {
		return 2;
	}

	@Override
	public boolean isBinary() {
		return true;
	}

	@Override
	public void encode(WampMessage message, OutputStream out) {
		MessagePacker packer = MessagePack.newDefaultPacker(out);
		try {
			ValueTrees.write(message.toList(), new PackerSink(packer), 0);
			packer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write MessagePack: " + ex.getMessage(), ex);
		}
		catch (UncheckedIOException ex) {
			throw ex;
		}
	}

	@Override
	public WampMessage decode(InputStream in) {
		List<?> wire;
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(in)) {
			if (!unpacker.hasNext()) {
				throw new WampProtocolException("a WAMP message must be a MessagePack array, got nothing");
			}
			MessageFormat format = unpacker.getNextFormat();
			if (format.getValueType() != org.msgpack.value.ValueType.ARRAY) {
				throw new WampProtocolException("a WAMP message must be a MessagePack array, got "
						+ format.getValueType().name().toLowerCase(java.util.Locale.ROOT));
			}
			Object value = readValue(unpacker, 1);
			if (unpacker.hasNext()) {
				throw new WampProtocolException("unexpected data after the MessagePack message array");
			}
			wire = (List<?>) value;
		}
		catch (IOException | MessagePackException ex) {
			throw new WampProtocolException(0, "malformed MessagePack: " + ex.getMessage(), ex);
		}
		return MessageFactory.fromList(wire);
	}

	private static @Nullable Object readValue(MessageUnpacker unpacker, int depth) throws IOException {
		if (depth > ValueTrees.MAX_DEPTH) {
			throw new WampProtocolException("message is nested deeper than " + ValueTrees.MAX_DEPTH + " levels");
		}
		MessageFormat format = unpacker.getNextFormat();
		switch (format.getValueType()) {
			case NIL:
				unpacker.unpackNil();
				return null;
			case BOOLEAN:
				return unpacker.unpackBoolean();
			case INTEGER:
				if (format == MessageFormat.UINT64) {
					BigInteger big = unpacker.unpackBigInteger();
					return (big.bitLength() < 64) ? (Object) big.longValue() : big;
				}
				return unpacker.unpackLong();
			case FLOAT:
				return unpacker.unpackDouble();
			case STRING:
				return unpacker.unpackString();
			case BINARY: {
				int length = unpacker.unpackBinaryHeader();
				return unpacker.readPayload(length);
			}
			case ARRAY: {
				int size = unpacker.unpackArrayHeader();
				List<@Nullable Object> list = new ArrayList<>(Math.min(size, MAX_PRESIZE));
				for (int i = 0; i < size; i++) {
					list.add(readValue(unpacker, depth + 1));
				}
				return list;
			}
			case MAP: {
				int size = unpacker.unpackMapHeader();
				Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.min(size, MAX_PRESIZE) * 2);
				for (int i = 0; i < size; i++) {
					if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
						throw new WampProtocolException("MessagePack dictionary keys must be strings, got "
								+ unpacker.getNextFormat().getValueType().name().toLowerCase(java.util.Locale.ROOT));
					}
					String key = unpacker.unpackString();
					map.put(key, readValue(unpacker, depth + 1));
				}
				return map;
			}
			case EXTENSION:
			default:
				throw new WampProtocolException("MessagePack " + format.getValueType().name().toLowerCase(java.util.Locale.ROOT)
						+ " values are not part of WAMP payloads");
		}
	}

	@Override
	public String toString() {
		return "MsgpackCodec[wamp.2.msgpack]";
	}

	/** Writes the value tree to a packer; I/O errors travel unchecked through the visitor. */
	private static final class PackerSink implements ValueTrees.Sink {

		private final MessagePacker packer;

		PackerSink(MessagePacker packer) {
			this.packer = packer;
		}

		private static UncheckedIOException io(IOException ex) {
			return new UncheckedIOException("cannot write MessagePack: " + ex.getMessage(), ex);
		}

		@Override
		public void nullValue() {
			try {
				this.packer.packNil();
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void string(String value) {
			try {
				this.packer.packString(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void bool(boolean value) {
			try {
				this.packer.packBoolean(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void integer(long value) {
			try {
				this.packer.packLong(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void bigInteger(BigInteger value) {
			try {
				this.packer.packBigInteger(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("MessagePack cannot hold the integer " + value, ex);
			}
		}

		@Override
		public void floating(double value) {
			try {
				this.packer.packDouble(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void binary(byte[] value) {
			try {
				this.packer.packBinaryHeader(value.length);
				this.packer.writePayload(value);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void startArray(int size) {
			try {
				this.packer.packArrayHeader(size);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void endArray() {
		}

		@Override
		public void startMap(int size) {
			try {
				this.packer.packMapHeader(size);
			}
			catch (IOException ex) {
				throw io(ex);
			}
		}

		@Override
		public void key(String key) {
			string(key);
		}

		@Override
		public void endMap() {
		}

	}

}
