package io.wampspring.core.codec;

import tools.jackson.core.json.JsonFactory;

/**
 * The JSON serializer ({@code wamp.2.json}, RawSocket id 1): text frames, binary values
 * as a string that starts with a NUL character followed by base64.
 */
public final class JsonCodec extends JacksonStreamingCodec {

	JsonCodec() {
		super(JsonFactory.builder()
			.recyclerPool(JacksonStreamingCodec.BUFFERS)
			// a generator is kept between messages: no space between them
			.rootValueSeparator((String) null)
			.build(), true, "JSON");
	}

	@Override
	public String subprotocol() {
		return "wamp.2.json";
	}

	@Override
	public int rawSocketSerializerId() {
		return 1;
	}

	@Override
	public boolean isBinary() {
		return false;
	}

	@Override
	public String toString() {
		return "JsonCodec[wamp.2.json]";
	}

}
