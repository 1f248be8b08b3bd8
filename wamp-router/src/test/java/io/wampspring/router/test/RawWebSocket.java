package io.wampspring.router.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client written by hand on a plain socket, for tests that stop anywhere:
 * after the TCP accept, in the middle of the upgrade request, in the middle of a frame.
 * Its frames are masked with a zero key, so their payload is written as is.
 */
public final class RawWebSocket extends SocketClient {

	/** Opcode of a text frame. */
	public static final int TEXT = 0x1;

	/** Opcode of a continuation frame. */
	public static final int CONTINUATION = 0x0;

	/** Opcode of a ping. */
	public static final int PING = 0x9;

	/**
	 * Connect without sending anything.
	 * @param port the router's WebSocket port on 127.0.0.1
	 * @throws IOException when the connection fails
	 */
	public RawWebSocket(int port) throws IOException {
		super(new Socket("127.0.0.1", port));
	}

	/**
	 * The upgrade request's first lines, without the blank line that ends it.
	 * @param path the path
	 * @return the text
	 */
	public static String requestHead(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Protocol: wamp.2.json\r\n";
	}

	/**
	 * Upgrade to WebSocket with JSON and read the router's answer.
	 * @param path the path
	 * @throws IOException when the connection fails or the router does not switch
	 * protocols
	 */
	public void upgrade(String path) throws IOException {
		byte[] request = (requestHead(path) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		write(request, request.length);
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			head.write(in().readUnsignedByte());
		}
		if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
			throw new IOException("the router did not upgrade: " + head);
		}
	}

	/**
	 * Send a frame header (masked, zero key).
	 * @param opcode the opcode
	 * @param fin whether this is the last fragment
	 * @param length the payload length the header announces
	 * @throws IOException when the connection fails
	 */
	public void header(int opcode, boolean fin, long length) throws IOException {
		out().writeByte((fin ? 0x80 : 0) | opcode);
		if (length < 126) {
			out().writeByte(0x80 | (int) length);
		}
		else if (length < 65536) {
			out().writeByte(0x80 | 126);
			out().writeShort((int) length);
		}
		else {
			out().writeByte(0x80 | 127);
			out().writeLong(length);
		}
		out().writeInt(0);
		out().flush();
	}

	/**
	 * Send a whole text frame.
	 * @param text the text
	 * @throws IOException when the connection fails
	 */
	public void sendText(String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		header(TEXT, true, bytes.length);
		write(bytes, bytes.length);
	}

	/**
	 * Read the next frame from the router (unmasked).
	 * @return the opcode and the payload
	 * @throws IOException when the connection fails
	 */
	public Frame readFrame() throws IOException {
		int first = in().readUnsignedByte();
		int second = in().readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = in().readUnsignedShort();
		}
		else if (length == 127) {
			length = in().readLong();
		}
		byte[] payload = new byte[(int) length];
		in().readFully(payload);
		return new Frame(first & 0x0F, payload);
	}

	/**
	 * A frame from the router.
	 *
	 * @param opcode the opcode
	 * @param payload the payload
	 */
	public record Frame(int opcode, byte[] payload) {

		/**
		 * The payload as text.
		 * @return the text
		 */
		public String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

	}

}
