package io.wampspring.interop.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.client.WampClient;
import io.wampspring.core.WampException;
import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The interop test procedures (see interop/README.md) served by our own Java client, so
 * that the Autobahn caller scripts can check our callee through a router we did not
 * write.
 */
public final class JavaCallee {

	private JavaCallee() {
	}

	/**
	 * Register every test procedure and the ping-to-pong relay.
	 * @param client a joined client
	 * @param prefix the URI prefix of the procedures, such as {@code interop}
	 * @return completes when everything is registered and subscribed
	 */
	public static Mono<Void> registerAll(WampClient client, String prefix) {
		String p = prefix + ".";
		return Mono.when(
				client.register(p + "echo", RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of(invocation.args(), invocation.kwargs()))),
				client.register(p + "add2", RegisterOptions.defaults(),
						(invocation) -> Mono.just(InvocationResult.of(add(invocation.arg(0), invocation.arg(1))))),
				client.register(p + "countdown", RegisterOptions.defaults(), (invocation) -> {
					long from = ((Number) invocation.arg(0)).longValue();
					// n, n-1, ..., 1 as progressive results, then 0 as the final one.
					return Flux.range(0, (int) from + 1).map((i) -> InvocationResult.of(from - i));
				}),
				client.register(p + "slow", RegisterOptions.defaults(),
						(invocation) -> Mono.delay(Duration.ofMillis(((Number) invocation.arg(0)).longValue()))
							.thenReturn(InvocationResult.of("done"))),
				client.register(p + "error", RegisterOptions.defaults(),
						(invocation) -> Mono
							.error(new WampException("interop.error.custom", List.of("boom"), Map.of("detail", 42)))),
				client.register(p + "whoami", RegisterOptions.builder().discloseCaller(true).build(), (invocation) -> {
					Map<String, @Nullable Object> identity = new LinkedHashMap<>();
					identity.put("caller", invocation.caller());
					identity.put("caller_authid", invocation.callerAuthid());
					identity.put("procedure", invocation.procedure());
					return Mono.just(InvocationResult.of(identity));
				}),
				client.register(p + "prefix", RegisterOptions.builder().match(MatchPolicy.PREFIX).build(),
						(invocation) -> Mono.just(InvocationResult.of(invocation.procedure()))),
				client.subscribe(p + "ping", SubscribeOptions.defaults(),
						(event) -> client.publish(p + "pong", event.args(), event.kwargs(), PublishOptions.defaults())
							.subscribe()));
	}

	private static Object add(@Nullable Object a, @Nullable Object b) {
		if (a instanceof Long x && b instanceof Long y) {
			return x + y;
		}
		if (a instanceof Number x && b instanceof Number y) {
			return x.doubleValue() + y.doubleValue();
		}
		throw new WampException("wamp.error.invalid_argument", "add2 needs two numbers, got " + a + " and " + b);
	}

}
