package io.wampspring.router.test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.rawsocket.RawSocket;
import io.wampspring.core.rawsocket.RawSocketHandshake;

/**
 * A blocking RawSocket client on a plain socket, for tests that write exactly the bytes
 * they mean (half a frame, no handshake at all) and read what the router answers.
 */
public final class RawSocketClient extends SocketClient {

	private final WampCodec codec;

	/**
	 * Connect.
	 * @param port the router's RawSocket port on 127.0.0.1
	 * @param codec the codec for messages
	 * @throws IOException when the connection fails
	 */
	public RawSocketClient(int port, WampCodec codec) throws IOException {
		super(new Socket("127.0.0.1", port));
		this.codec = codec;
	}

	/**
	 * Send the handshake for the codec, announcing 16 MiB, and read the reply.
	 * @return the router's reply
	 * @throws IOException when the connection fails
	 */
	public RawSocketHandshake handshake() throws IOException {
		return handshake(RawSocket.MAX_LENGTH_EXPONENT, this.codec.rawSocketSerializerId());
	}

	/**
	 * Send a handshake and read the reply.
	 * @param exponent the length exponent to announce
	 * @param serializer the serializer id
	 * @return the router's reply
	 * @throws IOException when the connection fails
	 */
	public RawSocketHandshake handshake(int exponent, int serializer) throws IOException {
		out().writeInt((RawSocket.MAGIC << 24) | (exponent << 20) | (serializer << 16));
		out().flush();
		return new RawSocketHandshake(in().readInt());
	}

	/**
	 * Send a message in one frame.
	 * @param message the message
	 * @throws IOException when the connection fails
	 */
	public void send(WampMessage message) throws IOException {
		byte[] bytes = this.codec.encode(message);
		header(RawSocket.MESSAGE, bytes.length);
		write(bytes, bytes.length);
	}

	/**
	 * Send a frame header only.
	 * @param type the frame type
	 * @param length the announced length
	 * @throws IOException when the connection fails
	 */
	public void header(int type, int length) throws IOException {
		out().writeInt(RawSocket.frameHeader(type, length));
		out().flush();
	}

	/**
	 * Read a frame header.
	 * @return the header
	 * @throws IOException when the connection fails
	 */
	public int readHeader() throws IOException {
		return in().readInt();
	}

	/**
	 * Read the next frame, which must be a WAMP message.
	 * @return the message
	 * @throws IOException when the connection fails or the frame is not a message
	 */
	public WampMessage receive() throws IOException {
		int header = readHeader();
		if (RawSocket.frameType(header) != RawSocket.MESSAGE) {
			throw new IOException("expected a message frame, got type " + RawSocket.frameType(header));
		}
		byte[] bytes = new byte[RawSocket.frameLength(header)];
		in().readFully(bytes);
		return this.codec.decode(bytes);
	}

	/**
	 * The input stream, for tests that read raw bytes.
	 * @return the stream
	 */
	public DataInputStream input() {
		return in();
	}

	/**
	 * The output stream, for tests that write raw bytes.
	 * @return the stream
	 */
	public DataOutputStream output() {
		return out();
	}

}
