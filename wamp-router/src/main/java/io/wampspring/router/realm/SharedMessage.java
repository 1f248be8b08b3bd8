package io.wampspring.router.realm;

import java.util.concurrent.atomic.AtomicReferenceArray;

import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;

/**
 * A message sent unchanged to many sessions (an EVENT to the subscribers of one
 * subscription), with its encoded form cached per codec so that it is serialized once per
 * codec rather than once per receiver.
 */
public final class SharedMessage {

	private final WampMessage message;

	private final AtomicReferenceArray<byte[]> encoded = new AtomicReferenceArray<>(4);

	SharedMessage(WampMessage message) {
		this.message = message;
	}

	/**
	 * The message.
	 * @return the message
	 */
	public WampMessage message() {
		return this.message;
	}

	/**
	 * The message encoded by a codec, encoded on first use.
	 * @param codec the codec
	 * @return the bytes; do not modify
	 */
	public byte[] encoded(WampCodec codec) {
		int slot = codec.rawSocketSerializerId() & 3;
		byte[] bytes = this.encoded.get(slot);
		if (bytes == null) {
			bytes = codec.encode(this.message);
			this.encoded.set(slot, bytes);
		}
		return bytes;
	}

}
