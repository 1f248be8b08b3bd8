package io.wampspring.core.codec;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * An {@link InputStream} over the remaining bytes of a buffer, without a copy and without
 * moving the buffer's own position.
 */
final class ByteBufferInput extends InputStream {

	private final ByteBuffer buffer;

	private ByteBufferInput(ByteBuffer buffer) {
		this.buffer = buffer;
	}

	static InputStream of(ByteBuffer frame) {
		return new ByteBufferInput(frame.slice());
	}

	@Override
	public int read() {
		return this.buffer.hasRemaining() ? (this.buffer.get() & 0xFF) : -1;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		int remaining = this.buffer.remaining();
		if (remaining == 0) {
			return -1;
		}
		int n = Math.min(length, remaining);
		this.buffer.get(bytes, offset, n);
		return n;
	}

	@Override
	public int available() {
		return this.buffer.remaining();
	}

}
