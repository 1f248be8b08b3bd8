package io.wampspring.core.rawsocket;

import io.wampspring.core.WampProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The RawSocket bytes, against the specification's examples.
 */
class RawSocketFramingTests {

	@Test
	void handshakeOctets() {
		// 0x7F, 16 MiB (exponent 15) and JSON (1), two zero octets.
		RawSocketHandshake json = RawSocketHandshake.of(15, 1);
		assertThat(json.value()).isEqualTo(0x7FF10000);
		assertThat(json.isWamp()).isTrue();
		assertThat(json.lengthExponent()).isEqualTo(15);
		assertThat(json.serializer()).isEqualTo(1);
		assertThat(json.maxLength()).isEqualTo(16 * 1024 * 1024);
		assertThat(json.isError()).isFalse();
		assertThat(json.reserved()).isZero();
		assertThat(RawSocketHandshake.of(0, 2).value()).isEqualTo(0x7F020000);
	}

	@Test
	void errorReplies() {
		RawSocketHandshake refusal = RawSocketHandshake.error(RawSocket.ERROR_SERIALIZER_UNSUPPORTED);
		assertThat(refusal.value()).isEqualTo(0x7F100000);
		assertThat(refusal.isError()).isTrue();
		assertThat(refusal.errorCode()).isEqualTo(1);
		assertThat(RawSocket.handshakeError(refusal.errorCode())).isEqualTo("serializer unsupported");
		assertThat(RawSocket.handshakeError(3)).contains("reserved bits");
		assertThat(RawSocket.handshakeError(12)).isEqualTo("error 12");
	}

	@Test
	void foreignPeersAreRecognized() {
		// A TLS ClientHello starts with 0x16.
		RawSocketHandshake tls = new RawSocketHandshake(0x16030100);
		assertThat(tls.isWamp()).isFalse();
		assertThat(tls.magicHex()).isEqualTo("0x16");
		assertThat(new RawSocketHandshake(0x7F010001).reserved()).isEqualTo(1);
	}

	@Test
	void lengthExponents() {
		assertThat(RawSocket.lengthExponent(1)).isZero();
		assertThat(RawSocket.lengthExponent(512)).isZero();
		assertThat(RawSocket.lengthExponent(513)).isEqualTo(1);
		assertThat(RawSocket.lengthExponent(64 * 1024)).isEqualTo(7);
		assertThat(RawSocket.lengthExponent(Integer.MAX_VALUE)).isEqualTo(15);
		assertThatIllegalArgumentException().isThrownBy(() -> RawSocket.maxLength(16));
		assertThatIllegalArgumentException().isThrownBy(() -> RawSocketHandshake.of(3, 0));
	}

	@Test
	void frameHeaders() {
		int ping = RawSocket.frameHeader(RawSocket.PING, 3);
		assertThat(ping).isEqualTo(0x01000003);
		assertThat(RawSocket.frameType(ping)).isEqualTo(RawSocket.PING);
		assertThat(RawSocket.frameLength(ping)).isEqualTo(3);
		assertThat(RawSocket.frameHeader(RawSocket.MESSAGE, RawSocket.MAX_FRAME_LENGTH)).isEqualTo(0x00FFFFFF);
		assertThatIllegalArgumentException().isThrownBy(() -> RawSocket.frameHeader(3, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> RawSocket.frameHeader(0, 1 << 24));
	}

	@Test
	void receivedHeadersAreChecked() {
		RawSocket.checkFrameHeader(RawSocket.frameHeader(RawSocket.PONG, 100), 100);
		assertThatExceptionOfType(WampProtocolException.class)
			.isThrownBy(() -> RawSocket.checkFrameHeader(0x08000000, 100))
			.withMessageContaining("reserved bits (first octet 0x08)");
		assertThatExceptionOfType(WampProtocolException.class)
			.isThrownBy(() -> RawSocket.checkFrameHeader(0x03000000, 100))
			.withMessageContaining("unknown type 3");
		assertThatExceptionOfType(WampProtocolException.class).isThrownBy(() -> RawSocket.checkFrameHeader(101, 100))
			.withMessage("a message of 101 bytes exceeds the announced maximum of 100 bytes");
	}

}
