package io.wampspring.core.codec;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampPayloadException;
import io.wampspring.core.WampProtocolException;
import io.wampspring.core.WampUris;
import io.wampspring.core.id.Ids;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Event;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.core.uri.WampUriValidator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a decoded array (the generic value tree every codec produces) into a typed
 * message, checking every element: length, element types, ids in 1..2^53 and URIs by the
 * loose rules. Anything wrong becomes a {@link WampProtocolException} that names the
 * message, the element and what was found; nothing here throws a ClassCastException or
 * NullPointerException. Missing or null Arguments and ArgumentsKw read as empty, as other
 * peers send them, and an id written as a whole-number float reads as that id.
 * <p>
 * A codec that met a payload value it could not map leaves a placeholder in the array;
 * once the structure checked out, that becomes a {@link WampPayloadException} naming the
 * message, its request and the path of the value, so that only this message fails.
 */
public final class MessageFactory {

	private static final WampUriValidator URIS = WampUriValidator.LOOSE_RULES;

	private MessageFactory() {
	}

	/**
	 * Build a message from its wire form.
	 * @param wire the decoded array
	 * @return the typed message
	 * @throws WampProtocolException when the array is not a valid WAMP message
	 */
	public static WampMessage fromList(List<?> wire) {
		return fromList(wire, null);
	}

	/**
	 * Build a message from its wire form, in which a codec left values it could not map.
	 * @param wire the decoded array
	 * @param problem the first value the codec could not map, or null
	 * @return the typed message
	 * @throws WampPayloadException when the structure is valid but the payload holds the
	 * problem
	 * @throws WampProtocolException when the array is not a valid WAMP message
	 */
	static WampMessage fromList(List<?> wire, @Nullable PayloadProblem problem) {
		if (wire.isEmpty()) {
			throw new WampProtocolException("a WAMP message must be a non-empty array, got []");
		}
		Object code = wire.get(0);
		if (!(code instanceof Number n) || !isIntegral(n)) {
			throw new WampProtocolException("a WAMP message must start with its integer type code, got "
					+ ((code instanceof PayloadProblem) ? code : Dicts.typeName(code) + " " + code));
		}
		int type = (n.longValue() > Integer.MAX_VALUE || n.longValue() < 0) ? -1 : n.intValue();
		Reader r = new Reader(type, wire, problem);
		WampMessage message;
		try {
			message = switch (type) {
				case WampMessageType.HELLO -> {
					r.length(3, 3);
					yield new Hello(r.uri(1, "Realm"), r.dict(2, "Details"));
				}
				case WampMessageType.WELCOME -> {
					r.length(3, 3);
					yield new Welcome(r.id(1, "Session"), r.dict(2, "Details"));
				}
				case WampMessageType.ABORT -> {
					r.length(3, 3);
					yield new Abort(r.dict(1, "Details"), r.uri(2, "Reason"));
				}
				case WampMessageType.CHALLENGE -> {
					r.length(3, 3);
					yield new Challenge(r.string(1, "AuthMethod"), r.dict(2, "Extra"));
				}
				case WampMessageType.AUTHENTICATE -> {
					r.length(3, 3);
					yield new Authenticate(r.string(1, "Signature"), r.dict(2, "Extra"));
				}
				case WampMessageType.GOODBYE -> {
					r.length(3, 3);
					yield new Goodbye(r.dict(1, "Details"), r.uri(2, "Reason"));
				}
				case WampMessageType.ERROR -> {
					r.length(5, 7);
					yield new ErrorMessage(r.requestType(1), r.id(2, "Request"), r.dict(3, "Details"),
							r.uri(4, "Error"), r.args(5), r.kwargs(6));
				}
				case WampMessageType.PUBLISH -> {
					r.length(4, 6);
					long request = r.id(1, "Request");
					Map<String, Object> options = r.dict(2, "Options");
					// Only an acknowledged PUBLISH may be answered with an ERROR.
					r.answerable(Boolean.TRUE.equals(options.get("acknowledge")) ? request : 0);
					yield new Publish(request, options, r.uri(3, "Topic"), r.args(4), r.kwargs(5));
				}
				case WampMessageType.PUBLISHED -> {
					r.length(3, 3);
					yield new Published(r.id(1, "PUBLISH.Request"), r.id(2, "Publication"));
				}
				case WampMessageType.SUBSCRIBE -> {
					r.length(4, 4);
					long request = r.answerable(r.id(1, "Request"));
					Map<String, Object> options = r.dict(2, "Options");
					yield new Subscribe(request, options, r.pattern(3, "Topic", options));
				}
				case WampMessageType.SUBSCRIBED -> {
					r.length(3, 3);
					yield new Subscribed(r.id(1, "SUBSCRIBE.Request"), r.id(2, "Subscription"));
				}
				case WampMessageType.UNSUBSCRIBE -> {
					r.length(3, 3);
					yield new Unsubscribe(r.id(1, "Request"), r.id(2, "SUBSCRIBED.Subscription"));
				}
				case WampMessageType.UNSUBSCRIBED -> {
					r.length(2, 3);
					yield new Unsubscribed(r.idOrZero(1, "UNSUBSCRIBE.Request"), r.optionalDict(2, "Details"));
				}
				case WampMessageType.EVENT -> {
					r.length(4, 6);
					yield new Event(r.id(1, "SUBSCRIBED.Subscription"), r.id(2, "PUBLISHED.Publication"),
							r.dict(3, "Details"), r.args(4), r.kwargs(5));
				}
				case WampMessageType.CALL -> {
					r.length(4, 6);
					long request = r.answerable(r.id(1, "Request"));
					yield new Call(request, r.dict(2, "Options"), r.uri(3, "Procedure"), r.args(4), r.kwargs(5));
				}
				case WampMessageType.CANCEL -> {
					r.length(3, 3);
					yield new Cancel(r.id(1, "CALL.Request"), r.dict(2, "Options"));
				}
				case WampMessageType.RESULT -> {
					r.length(3, 5);
					yield new Result(r.id(1, "CALL.Request"), r.dict(2, "Details"), r.args(3), r.kwargs(4));
				}
				case WampMessageType.REGISTER -> {
					r.length(4, 4);
					long request = r.answerable(r.id(1, "Request"));
					Map<String, Object> options = r.dict(2, "Options");
					yield new Register(request, options, r.pattern(3, "Procedure", options));
				}
				case WampMessageType.REGISTERED -> {
					r.length(3, 3);
					yield new Registered(r.id(1, "REGISTER.Request"), r.id(2, "Registration"));
				}
				case WampMessageType.UNREGISTER -> {
					r.length(3, 3);
					yield new Unregister(r.id(1, "Request"), r.id(2, "REGISTERED.Registration"));
				}
				case WampMessageType.UNREGISTERED -> {
					r.length(2, 3);
					yield new Unregistered(r.idOrZero(1, "UNREGISTER.Request"), r.optionalDict(2, "Details"));
				}
				case WampMessageType.INVOCATION -> {
					r.length(4, 6);
					yield new Invocation(r.id(1, "Request"), r.id(2, "REGISTERED.Registration"), r.dict(3, "Details"),
							r.args(4), r.kwargs(5));
				}
				case WampMessageType.INTERRUPT -> {
					r.length(3, 3);
					yield new Interrupt(r.id(1, "INVOCATION.Request"), r.dict(2, "Options"));
				}
				case WampMessageType.YIELD -> {
					r.length(3, 5);
					yield new Yield(r.id(1, "INVOCATION.Request"), r.dict(2, "Options"), r.args(3), r.kwargs(4));
				}
				default -> throw new WampProtocolException("unknown WAMP message type code " + n);
			};
		}
		catch (IllegalArgumentException ex) {
			throw new WampProtocolException(type, WampMessageType.name(type) + " message: " + ex.getMessage(), ex);
		}
		if (problem != null) {
			// Checked after the structure, so that a broken structure still ends the
			// session.
			throw r.payloadError(problem);
		}
		return message;
	}

	static boolean isIntegral(Number n) {
		return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
				|| n instanceof BigInteger;
	}

	/** Element access with messages that name the message and the element. */
	private static final class Reader {

		private final int type;

		private final List<?> wire;

		/** The first value the codec could not map, if any. */
		private final @Nullable PayloadProblem problem;

		/**
		 * The name of the element that holds {@link #problem}, once the element was read.
		 */
		private @Nullable String problemElement;

		/** The id of a request that may be answered with ERROR invalid_uri, once read. */
		private long answerableRequestId;

		Reader(int type, List<?> wire, @Nullable PayloadProblem problem) {
			this.type = type;
			this.wire = wire;
			this.problem = problem;
		}

		/**
		 * Notes the name of a payload element as it is read, to name where a problem is.
		 */
		private void payloadElement(int index, String name) {
			PayloadProblem p = this.problem;
			if (p != null && p.element() == index) {
				this.problemElement = name;
			}
		}

		/**
		 * The error for a message with a valid structure whose payload holds a problem: a
		 * {@link WampPayloadException} for a message that belongs to a request or a
		 * subscription, a plain protocol error for the session-level messages.
		 */
		WampProtocolException payloadError(PayloadProblem p) {
			String where = p.describe((this.problemElement != null) ? this.problemElement : "a payload value");
			String name = WampMessageType.name(this.type);
			return switch (this.type) {
				case WampMessageType.HELLO, WampMessageType.WELCOME, WampMessageType.ABORT, WampMessageType.CHALLENGE,
						WampMessageType.AUTHENTICATE, WampMessageType.GOODBYE ->
					new WampProtocolException(this.type, name + " message: " + where);
				case WampMessageType.ERROR -> {
					int requestType = requestType(1);
					long requestId = id(2, "Request");
					yield new WampPayloadException(this.type, requestType, requestId, false,
							"ERROR for " + WampMessageType.name(requestType) + " " + requestId + ": " + where);
				}
				case WampMessageType.EVENT -> {
					long subscription = id(1, "SUBSCRIBED.Subscription");
					yield new WampPayloadException(this.type, this.type, subscription, false,
							"EVENT for subscription " + subscription + ": " + where);
				}
				default -> {
					long requestId = idOrZero(1, "Request");
					boolean answerable = switch (this.type) {
						case WampMessageType.CALL, WampMessageType.REGISTER, WampMessageType.SUBSCRIBE,
								WampMessageType.INVOCATION ->
							true;
						case WampMessageType.PUBLISH -> this.answerableRequestId != 0;
						default -> false;
					};
					yield new WampPayloadException(this.type, this.type, requestId, answerable,
							name + " " + requestId + ": " + where);
				}
			};
		}

		private WampProtocolException error(String text) {
			return new WampProtocolException(this.type, WampMessageType.name(this.type) + " message: " + text);
		}

		/**
		 * An invalid URI: answerable with ERROR invalid_uri when the request id is known.
		 */
		private WampProtocolException uriError(String text) {
			return new WampProtocolException(this.type, this.answerableRequestId, WampUris.INVALID_URI,
					WampMessageType.name(this.type) + " message: " + text);
		}

		long answerable(long requestId) {
			this.answerableRequestId = requestId;
			return requestId;
		}

		void length(int min, int max) {
			int size = this.wire.size();
			if (size < min || size > max) {
				String expected = (min == max) ? String.valueOf(min) : min + " to " + max;
				throw error("expected " + expected + " elements, got " + size);
			}
		}

		private String describe(int index, String name, @Nullable Object value, String expected) {
			if (value instanceof PayloadProblem unmappable) {
				return "element " + index + " (" + name + ") must be " + expected + ", got " + unmappable;
			}
			return "element " + index + " (" + name + ") must be " + expected + ", got " + Dicts.typeName(value)
					+ ((value instanceof Map || value instanceof List) ? "" : " " + abbreviate(value));
		}

		long id(int index, String name) {
			Object value = this.wire.get(index);
			if (value instanceof Number n && isIntegral(n) && !(n instanceof BigInteger)) {
				long id = n.longValue();
				if (Ids.isValid(id)) {
					return id;
				}
				throw error("element " + index + " (" + name + ") must be an id in 1..2^53, got " + id);
			}
			if (isWholeFloat(value)) {
				// Some CBOR encoders write integers as float64: a whole number is still
				// an id.
				double id = ((Number) value).doubleValue();
				if (id >= 1 && id <= Ids.MAX) {
					return (long) id;
				}
				throw error("element " + index + " (" + name + ") must be an id in 1..2^53, got " + value);
			}
			throw error(describe(index, name, value, "an id (integer in 1..2^53)"));
		}

		long idOrZero(int index, String name) {
			Object value = this.wire.get(index);
			if (value instanceof Number n && (isIntegral(n) || isWholeFloat(n)) && n.doubleValue() == 0) {
				return 0;
			}
			return id(index, name);
		}

		private static boolean isWholeFloat(@Nullable Object value) {
			if (value instanceof Double || value instanceof Float) {
				double d = ((Number) value).doubleValue();
				return !Double.isInfinite(d) && d == Math.rint(d);
			}
			return false;
		}

		int requestType(int index) {
			Object value = this.wire.get(index);
			if (value instanceof Number n && isIntegral(n)) {
				long code = n.longValue();
				if (code == WampMessageType.SUBSCRIBE || code == WampMessageType.UNSUBSCRIBE
						|| code == WampMessageType.PUBLISH || code == WampMessageType.REGISTER
						|| code == WampMessageType.UNREGISTER || code == WampMessageType.CALL
						|| code == WampMessageType.INVOCATION || code == WampMessageType.CANCEL) {
					return (int) code;
				}
				throw error("element " + index + " (REQUEST.Type) must be the type code of a request "
						+ "(SUBSCRIBE, UNSUBSCRIBE, PUBLISH, REGISTER, UNREGISTER, CALL, INVOCATION), got " + code);
			}
			throw error(describe(index, "REQUEST.Type", value, "an integer message type code"));
		}

		String string(int index, String name) {
			Object value = this.wire.get(index);
			if (value instanceof String s) {
				return s;
			}
			throw error(describe(index, name, value, "a string"));
		}

		String uri(int index, String name) {
			String uri = string(index, name);
			if (!URIS.isValid(uri)) {
				throw uriError("element " + index + " (" + name + ") is not a valid URI: '" + abbreviate(uri) + "'");
			}
			return uri;
		}

		String pattern(int index, String name, Map<String, Object> options) {
			String uri = string(index, name);
			MatchPolicy match;
			try {
				match = MatchPolicy.fromWire(options.get("match"));
			}
			catch (IllegalArgumentException ex) {
				throw error("Options: " + ex.getMessage());
			}
			if (!URIS.isValid(uri, match)) {
				throw uriError("element " + index + " (" + name + ") is not a valid " + match.wireName() + " URI: '"
						+ abbreviate(uri) + "'");
			}
			return uri;
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> dict(int index, String name) {
			payloadElement(index, name);
			Object value = this.wire.get(index);
			if (value instanceof Map<?, ?> map) {
				return withoutNulls((Map<String, Object>) map);
			}
			throw error(describe(index, name, value, "a dictionary"));
		}

		Map<String, Object> optionalDict(int index, String name) {
			if (index >= this.wire.size() || this.wire.get(index) == null) {
				return Map.of();
			}
			return dict(index, name);
		}

		@SuppressWarnings("unchecked")
		List<@Nullable Object> args(int index) {
			payloadElement(index, "Arguments");
			if (index >= this.wire.size()) {
				return List.of();
			}
			Object value = this.wire.get(index);
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return (List<@Nullable Object>) immutable(list);
			}
			throw error(describe(index, "Arguments", value, "a list"));
		}

		// The message would copy the decoded list; an immutable one it keeps as it is (a
		// list with null elements, which List.copyOf refuses, is left to that copy).
		private static List<?> immutable(List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) == null) {
					return list;
				}
			}
			return List.copyOf(list);
		}

		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> kwargs(int index) {
			payloadElement(index, "ArgumentsKw");
			if (index >= this.wire.size()) {
				return Map.of();
			}
			Object value = this.wire.get(index);
			if (value == null) {
				return Map.of();
			}
			if (value instanceof Map<?, ?> map) {
				return (Map<String, @Nullable Object>) map;
			}
			throw error(describe(index, "ArgumentsKw", value, "a dictionary"));
		}

		private static Map<String, Object> withoutNulls(Map<String, Object> map) {
			if (map.isEmpty() || !map.containsValue(null)) {
				return map;
			}
			// A null option means "not given" (some peers send them); drop them so
			// readers see absence.
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> {
				if (v != null) {
					copy.put(k, v);
				}
			});
			return copy;
		}

		private static String abbreviate(@Nullable Object value) {
			String text = String.valueOf(value);
			return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
		}

	}

}
