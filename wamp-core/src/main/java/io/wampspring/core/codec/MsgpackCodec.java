package io.wampspring.core.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The MessagePack serializer ({@code wamp.2.msgpack}, RawSocket id 2) on msgpack-core's
 * streaming packer and unpacker: binary frames, the bin type for binary values, never an
 * extension type. An extension value that arrives (a timestamp, say) fails only its
 * message ({@link io.wampspring.core.WampPayloadException}). Neither direction allocates
 * msgpack-core's default buffers per message: the packer has a small one, and the
 * unpacker reads the frame in place.
 */
public final class MsgpackCodec implements WampCodec {

	/**
	 * Upper bound for pre-sizing collections from a header, which a hostile frame
	 * controls.
	 */
	private static final int MAX_PRESIZE = 64;

	/**
	 * Packer settings: a small buffer instead of msgpack-core's 8 KiB, allocated per
	 * message (the packer flushes to the stream whenever it fills), and every string
	 * encoded with {@code String.getBytes} so the packer never grows its buffer to a
	 * string's worst-case size; large strings and binaries go straight to the stream.
	 */
	private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(128)
		.withSmallStringOptimizationThreshold(Integer.MAX_VALUE);

	/**
	 * Unpacker settings: the whole frame is one array, so the unpacker allocates no read
	 * buffer.
	 */
	private static final MessagePack.UnpackerConfig UNPACKER = new MessagePack.UnpackerConfig();

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
		MessagePacker packer = PACKER.newPacker(out);
		try {
			ValueTrees.write(message.toList(), new PackerSink(packer), 0);
			packer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write MessagePack: " + ex.getMessage(), ex);
		}
	}

	@Override
	public WampMessage decode(InputStream in) {
		byte[] frame;
		try {
			frame = readFrame(in);
		}
		catch (IOException ex) {
			throw new WampProtocolException(0, "cannot read the MessagePack frame: " + ex.getMessage(), ex);
		}
		return decode(frame);
	}

	@Override
	public WampMessage decode(byte[] frame) {
		List<?> wire;
		TreeReader reader;
		try (MessageUnpacker unpacker = UNPACKER.newUnpacker(frame)) {
			if (!unpacker.hasNext()) {
				throw new WampProtocolException("a WAMP message must be a MessagePack array, got nothing");
			}
			MessageFormat format = unpacker.getNextFormat();
			if (format.getValueType() != ValueType.ARRAY) {
				throw new WampProtocolException("a WAMP message must be a MessagePack array, got "
						+ format.getValueType().name().toLowerCase(Locale.ROOT));
			}
			reader = new TreeReader(unpacker, frame);
			Object value = reader.readValue(0);
			if (unpacker.hasNext()) {
				throw new WampProtocolException("unexpected data after the MessagePack message array");
			}
			wire = (List<?>) value;
		}
		catch (IOException | MessagePackException ex) {
			throw new WampProtocolException(0, "malformed MessagePack: " + ex.getMessage(), ex);
		}
		return MessageFactory.fromList(wire, reader.problem());
	}

	/**
	 * Reads the whole frame into one array sized by {@link InputStream#available()},
	 * exact for the byte array and Netty buffer streams that transports pass, so the
	 * unpacker needs no buffer of its own and reads strings in place.
	 */
	private static byte[] readFrame(InputStream in) throws IOException {
		int size = in.available();
		byte[] frame = new byte[size];
		int read = in.readNBytes(frame, 0, size);
		int next = in.read();
		if (read == size && next == -1) {
			return frame;
		}
		// A stream that does not know its length: gather the rest.
		ByteArrayOutputStream all = new ByteArrayOutputStream(Math.max(64, read * 2));
		all.write(frame, 0, read);
		if (next != -1) {
			all.write(next);
			in.transferTo(all);
		}
		return all.toByteArray();
	}

	/** Reads one frame into the value tree; values it cannot map become problems. */
	private static final class TreeReader extends PayloadProblem.Tracker {

		private final MessageUnpacker unpacker;

		/**
		 * The whole frame, the unpacker's only buffer: positions in it are read counts.
		 */
		private final byte[] frame;

		TreeReader(MessageUnpacker unpacker, byte[] frame) {
			this.unpacker = unpacker;
			this.frame = frame;
		}

		/**
		 * Reads the next value, at {@code depth} (1 for an element of the message array).
		 */
		@Nullable Object readValue(int depth) throws IOException {
			if (depth > ValueTrees.MAX_DEPTH) {
				throw new WampProtocolException("message is nested deeper than " + ValueTrees.MAX_DEPTH + " levels");
			}
			MessageFormat format = this.unpacker.getNextFormat();
			switch (format.getValueType()) {
				case NIL:
					this.unpacker.unpackNil();
					return null;
				case BOOLEAN:
					return this.unpacker.unpackBoolean();
				case INTEGER:
					if (format == MessageFormat.UINT64) {
						BigInteger big = this.unpacker.unpackBigInteger();
						return (big.bitLength() < 64) ? (Object) big.longValue() : big;
					}
					return this.unpacker.unpackLong();
				case FLOAT:
					return this.unpacker.unpackDouble();
				case STRING:
					return readString();
				case BINARY:
					return this.unpacker.readPayload(payloadLength(this.unpacker.unpackBinaryHeader()));
				case ARRAY: {
					int size = this.unpacker.unpackArrayHeader();
					List<@Nullable Object> list = new ArrayList<>(Math.min(size, MAX_PRESIZE));
					for (int i = 0; i < size; i++) {
						list.add(readValue(depth + 1));
						readElement(depth + 1, i);
					}
					return list;
				}
				case MAP:
					return readMap(depth);
				case EXTENSION:
				default: {
					ExtensionTypeHeader header = this.unpacker.unpackExtensionTypeHeader();
					this.unpacker.readPayload(payloadLength(header.getLength()));
					return unmappable(
							"a MessagePack " + ((header.getType() == -1) ? "timestamp" : "extension value")
									+ " (extension type " + header.getType() + "), which WAMP payloads cannot carry",
							depth);
				}
			}
		}

		private String readString() throws IOException {
			int start = (int) this.unpacker.getTotalReadBytes();
			// Skipping checks the header and that the frame holds the whole string; then
			// the string is made straight from the frame (no copy, no decoder, no buffer
			// view).
			this.unpacker.skipValue();
			int end = (int) this.unpacker.getTotalReadBytes();
			int header = switch (this.frame[start] & 0xff) {
				case 0xd9 -> 2;
				case 0xda -> 3;
				case 0xdb -> 5;
				default -> 1;
			};
			return (end - start == header) ? ""
					: new String(this.frame, start + header, end - start - header, StandardCharsets.UTF_8);
		}

		private Map<String, @Nullable Object> readMap(int depth) throws IOException {
			int size = this.unpacker.unpackMapHeader();
			Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.min(size, MAX_PRESIZE) * 2);
			for (int i = 0; i < size; i++) {
				MessageFormat keyFormat = this.unpacker.getNextFormat();
				if (keyFormat.getValueType() != ValueType.STRING) {
					// The dictionary cannot hold this entry: skip it, and the dictionary
					// itself is the problem.
					this.unpacker.skipValue(2);
					unmappable("a dictionary with a key that is " + describe(keyFormat)
							+ ", but WAMP dictionary keys must be strings", depth);
					continue;
				}
				String key = readString();
				map.put(key, readValue(depth + 1));
				readEntry(depth + 1, key);
			}
			return map;
		}

		/**
		 * A payload length checked against the frame, so a hostile header cannot allocate
		 * more.
		 */
		private int payloadLength(int length) {
			long remaining = this.frame.length - this.unpacker.getTotalReadBytes();
			if (length < 0 || length > remaining) {
				throw new WampProtocolException("malformed MessagePack: a value declares "
						+ Integer.toUnsignedString(length) + " bytes but the frame has " + remaining + " left");
			}
			return length;
		}

		private static String describe(MessageFormat format) {
			return switch (format.getValueType()) {
				case NIL -> "nil";
				case INTEGER -> "an integer";
				case BINARY -> "binary data";
				case ARRAY -> "a list";
				case MAP -> "a dictionary";
				case EXTENSION -> "an extension value";
				default -> "a " + format.getValueType().name().toLowerCase(Locale.ROOT);
			};
		}

	}

	@Override
	public String toString() {
		return "MsgpackCodec[wamp.2.msgpack]";
	}

	/**
	 * Writes the value tree to a packer; I/O errors travel unchecked through the visitor.
	 */
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
