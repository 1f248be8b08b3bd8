package io.wampspring.core.codec;

import java.nio.ByteBuffer;

import io.wampspring.core.WampPayloadException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.message.WampMessage;

/**
 * Reads the frames of one connection, one frame at a time, on one thread at a time. It
 * may keep state between frames: the JSON codec's keeps one non-blocking parser for the
 * connection, so that a frame costs no parser of its own. Made by
 * {@link WampCodec#frameDecoder()}.
 */
@FunctionalInterface
public interface FrameDecoder {

	/**
	 * Read the one message of a frame.
	 * @param frame the frame's bytes, from its position to its limit; the buffer is not
	 * kept, and its position is left as it was
	 * @return the message
	 * @throws WampPayloadException when the message is well formed but a value in it
	 * cannot be mapped: only this message fails
	 * @throws WampProtocolException when the bytes are not a valid message of the
	 * serializer
	 */
	WampMessage decode(ByteBuffer frame);

}
