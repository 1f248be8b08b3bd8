package io.wampspring.router.test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What the blocking socket clients of the tests share: streams, writing in chunks and
 * waiting for the router to close the connection.
 */
abstract class SocketClient implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final DataOutputStream out;

	SocketClient(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout((int) TestPeer.TIMEOUT.toMillis());
		this.in = new DataInputStream(socket.getInputStream());
		this.out = new DataOutputStream(socket.getOutputStream());
	}

	final DataInputStream in() {
		return this.in;
	}

	final DataOutputStream out() {
		return this.out;
	}

	/**
	 * Write bytes from the start of an array.
	 * @param bytes the bytes
	 * @param length how many
	 * @throws IOException when the connection fails (such as when the router closed it)
	 */
	public void write(byte[] bytes, int length) throws IOException {
		this.out.write(bytes, 0, length);
		this.out.flush();
	}

	/**
	 * Wait until the router closes the connection, discarding what it sends.
	 * @param timeout how long to wait
	 * @return true when the connection ended in time
	 * @throws IOException when reading fails otherwise
	 */
	public boolean awaitClosed(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return false;
				}
				this.socket.setSoTimeout((int) left);
				if (this.in.read() < 0) {
					return true;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (SocketException ex) {
			// Reset by the router: closed as well.
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
