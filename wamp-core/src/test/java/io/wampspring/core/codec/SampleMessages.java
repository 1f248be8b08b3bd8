package io.wampspring.core.codec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.Challenge;
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

/**
 * One or more instances of every WAMP message, with payloads that exercise every value
 * type but binary (which arrays compare by identity; see the binary tests).
 */
final class SampleMessages {

	private SampleMessages() {
	}

	static final long MAX_ID = 1L << 53;

	static Map<String, Object> dict(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static List<WampMessage> all() {
		Map<String, Object> roles = dict("caller", dict("features", dict("progressive_call_results", true)),
				"subscriber", dict());
		List<Object> args = Arrays.asList(1L, -2L, 3.5, "text \u00e9\u4e2d\ud83d\ude00", true, false, null,
				List.of(1L, List.of()), dict("nested", dict("deep", List.of("x"))), Long.MAX_VALUE, Long.MIN_VALUE);
		Map<String, Object> kwargs = dict("a", 1L, "b", "two", "c", null, "d", List.of(true));
		return List.of(new Hello("realm1", dict("roles", roles, "authmethods", List.of("ticket", "anonymous"))),
				new Welcome(MAX_ID, dict("roles", dict("dealer", dict()), "authid", "joe")),
				new Abort(dict("message", "no such realm"), "wamp.error.no_such_realm"),
				new Challenge("wampcra", dict("challenge", "{\"nonce\": \"x\"}", "iterations", 1000L)),
				new Authenticate("c2lnbmF0dXJl", dict()), new Goodbye(dict(), "wamp.close.normal"),
				new ErrorMessage(WampMessageType.CALL, 7, dict(), "wamp.error.no_such_procedure", List.of(), Map.of()),
				new ErrorMessage(WampMessageType.INVOCATION, 8, dict("x", 1L), "com.example.error", args, kwargs),
				new ErrorMessage(WampMessageType.REGISTER, 9, dict(), "wamp.error.invalid_uri", List.of("bad"),
						Map.of()),
				new Publish(1, dict("acknowledge", true, "exclude", List.of(5L, 6L)), "com.example.topic", args,
						kwargs),
				new Publish(2, dict(), "com.example.topic"), new Published(1, 2),
				new Subscribe(3, dict("match", "prefix"), "com.example."),
				new Subscribe(4, dict("match", "wildcard"), "com..topic"), new Subscribe(5, dict(), "com.x"),
				new Subscribed(3, 99), new Unsubscribe(6, 99), new Unsubscribed(6),
				new Unsubscribed(0, dict("subscription", 99L, "reason", "wamp.subscription.revoked")),
				new Event(99, 100, dict("topic", "com.example.a"), args, Map.of()),
				new Event(99, 101, dict(), List.of(), kwargs), new Event(99, 102, dict()),
				new Call(10, dict("timeout", 1000L, "receive_progress", true), "com.example.add", List.of(2L, 3L),
						Map.of()),
				new Call(11, dict(), "com.example.noargs"), new Cancel(10, dict("mode", "kill")),
				new Result(10, dict("progress", true), List.of(5L), Map.of()), new Result(11, dict()),
				new Register(12, dict("match", "wildcard", "invoke", "roundrobin"), "com..add"),
				new Register(13, dict(), "com.example.add"), new Registered(12, MAX_ID), new Unregister(14, MAX_ID),
				new Unregistered(14), new Unregistered(0, dict("registration", 5L)),
				new Invocation(15, 16, dict("caller", 3L, "procedure", "com.a.b"), args, kwargs),
				new Invocation(17, 16, dict()), new Interrupt(15, dict("mode", "killnowait")),
				new Yield(15, dict("progress", true), args, kwargs), new Yield(17, dict()));
	}

}
