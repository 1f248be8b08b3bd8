package io.wampspring.core.codec;

import tools.jackson.dataformat.cbor.CBORFactory;

/**
 * The CBOR serializer ({@code wamp.2.cbor}, RawSocket id 3): binary frames, byte strings
 * for binary values.
 */
public final class CborCodec extends JacksonStreamingCodec {

	CborCodec() {
		super(CBORFactory.builder().recyclerPool(JacksonStreamingCodec.BUFFERS).build(), false, "CBOR");
	}

	@Override
	public String subprotocol() {
		return "wamp.2.cbor";
	}

	@Override
	public int rawSocketSerializerId() {
		return 3;
	}

	@Override
	public boolean isBinary() {
		return true;
	}

	@Override
	public String toString() {
		return "CborCodec[wamp.2.cbor]";
	}

}
