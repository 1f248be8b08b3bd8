package io.wampspring.core.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The built-in codecs, shared instances, and lookups by name, subprotocol and RawSocket
 * id.
 */
public final class WampCodecs {

	/** The JSON codec ({@code wamp.2.json}). */
	public static final WampCodec JSON = new JsonCodec();

	/** The MessagePack codec ({@code wamp.2.msgpack}). */
	public static final WampCodec MSGPACK = new MsgpackCodec();

	/** The CBOR codec ({@code wamp.2.cbor}). */
	public static final WampCodec CBOR = new CborCodec();

	private static final List<WampCodec> ALL = List.of(JSON, MSGPACK, CBOR);

	private WampCodecs() {
	}

	/**
	 * Every built-in codec.
	 * @return JSON, MessagePack and CBOR
	 */
	public static List<WampCodec> all() {
		return ALL;
	}

	/**
	 * A codec by its short name.
	 * @param name {@code json}, {@code msgpack} or {@code cbor} (case-insensitive), or a
	 * full subprotocol name
	 * @return the codec
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	public static WampCodec byName(String name) {
		String key = name.trim().toLowerCase(Locale.ROOT);
		for (WampCodec codec : ALL) {
			if (codec.subprotocol().equals(key) || codec.subprotocol().equals("wamp.2." + key)) {
				return codec;
			}
		}
		throw new IllegalArgumentException("unknown WAMP serializer '" + name + "': use one of json, msgpack, cbor");
	}

	/**
	 * The codecs for a list of short names, in the same order.
	 * @param names names as accepted by {@link #byName(String)}
	 * @return the codecs
	 */
	public static List<WampCodec> byNames(List<String> names) {
		List<WampCodec> codecs = new ArrayList<>(names.size());
		for (String name : names) {
			codecs.add(byName(name));
		}
		return codecs;
	}

	/**
	 * The codec of a WebSocket subprotocol.
	 * @param subprotocol such as {@code wamp.2.json}
	 * @return the codec, or null when none is tied to that subprotocol
	 */
	public static @Nullable WampCodec bySubprotocol(@Nullable String subprotocol) {
		for (WampCodec codec : ALL) {
			if (codec.subprotocol().equals(subprotocol)) {
				return codec;
			}
		}
		return null;
	}

	/**
	 * The codec of a RawSocket serializer id.
	 * @param id 1, 2 or 3
	 * @return the codec, or null for another id
	 */
	public static @Nullable WampCodec byRawSocketId(int id) {
		for (WampCodec codec : ALL) {
			if (codec.rawSocketSerializerId() == id) {
				return codec;
			}
		}
		return null;
	}

}
