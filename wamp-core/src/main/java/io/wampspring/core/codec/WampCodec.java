package io.wampspring.core.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

import io.wampspring.core.WampPayloadException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.WampMessage;

/**
 * A WAMP serializer. Implementations are stateless and thread safe, so one instance is
 * shared by every session; they stream straight between bytes and messages.
 * <p>
 * Payload values are a generic tree: {@code null}, {@link String}, {@link Boolean},
 * {@link Long} (or {@link java.math.BigInteger} beyond 64 bits), {@link Double},
 * {@code byte[]}, {@link java.util.List} and {@link java.util.Map} with string keys.
 * Encoding also accepts other numbers, any {@link java.util.Collection}, object arrays,
 * enums (by name) and {@link CharSequence}.
 * <p>
 * Be liberal in what you accept: an id written as a whole-number float within 1..2^53 is
 * read as that id. Be conservative in what you send: CBOR strings, byte strings, arrays
 * and maps always carry a definite length, and MessagePack output never uses an extension
 * type.
 */
public interface WampCodec {

	/**
	 * The WebSocket subprotocol this codec is tied to.
	 * @return such as {@code wamp.2.json}
	 */
	String subprotocol();

	/**
	 * The serializer id in the RawSocket handshake.
	 * @return 1 for JSON, 2 for MessagePack, 3 for CBOR
	 */
	int rawSocketSerializerId();

	/**
	 * Whether frames are binary (MessagePack, CBOR) rather than text (JSON).
	 * @return true for binary serializers
	 */
	boolean isBinary();

	/**
	 * Write a message.
	 * @param message the message
	 * @param out where to write; not closed
	 * @throws IllegalArgumentException when the payload holds a value this codec cannot
	 * write
	 */
	void encode(WampMessage message, OutputStream out);

	/**
	 * Read one message from the whole of the stream.
	 * @param in the frame's bytes
	 * @return the message
	 * @throws WampPayloadException when the message is well formed but a value in its
	 * Details, Options, Arguments or ArgumentsKw cannot be mapped: only this message
	 * fails
	 * @throws WampProtocolException when the bytes are not a valid message of this
	 * serializer
	 */
	WampMessage decode(InputStream in);

	/**
	 * A decoder for the frames of one connection (a transport makes one per connection
	 * and uses it on that connection's thread).
	 * @return by default one that reads each frame with {@link #decode(InputStream)}
	 */
	default FrameDecoder frameDecoder() {
		return (frame) -> decode(ByteBufferInput.of(frame));
	}

	/**
	 * Write a message to a new array.
	 * @param message the message
	 * @return the encoded bytes
	 */
	default byte[] encode(WampMessage message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		encode(message, out);
		return out.toByteArray();
	}

	/**
	 * Read one message from an array.
	 * @param bytes the frame's bytes
	 * @return the message
	 * @throws WampPayloadException when the message is well formed but a payload value
	 * cannot be mapped
	 * @throws WampProtocolException when the bytes are not a valid message of this
	 * serializer
	 */
	default WampMessage decode(byte[] bytes) {
		return decode(new ByteArrayInputStream(bytes));
	}

}
