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

	/**
	 * Per codec: the bytes, or the codec's failure (so that it is tried once, not per
	 * receiver).
	 */
	private final AtomicReferenceArray<Object> encoded = new AtomicReferenceArray<>(4);

	/**
	 * A message to share. Internal to the embedded router; not an API.
	 * @param message the message
	 */
	public SharedMessage(WampMessage message) {
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
	 * @throws RuntimeException the codec's failure, the same for every receiver of the
	 * codec
	 */
	public byte[] encoded(WampCodec codec) {
		int slot = codec.rawSocketSerializerId() & 3;
		Object cached = this.encoded.get(slot);
		if (cached == null) {
			try {
				cached = codec.encode(this.message);
			}
			catch (RuntimeException ex) {
				cached = ex;
			}
			this.encoded.set(slot, cached);
		}
		if (cached instanceof RuntimeException failure) {
			throw failure;
		}
		return (byte[]) cached;
	}

}
