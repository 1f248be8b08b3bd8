package io.wampspring.sample.procedures;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.client.CallOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.WampInvocation;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.sample.SampleProperties;
import io.wampspring.sample.events.EventCounters;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampOperations;
import io.wampspring.spring.support.WampIdentity;
import io.wampspring.spring.support.WampResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The sample's procedures, after the Erlang wamp_client's example: arithmetic that
 * publishes, echoes, several results, a call back through the router, progressive
 * results, a slow call and a call that outlives its registration's timeout (both
 * cancellable), and the caller's identity. Cancellations are counted in
 * {@code sample.procedures.canceled} (tag {@code procedure}).
 */
@Component
public class ExampleProcedures {

	/** The meter that counts invocations canceled by their caller (or the router). */
	public static final String CANCELED_METER = "sample.procedures.canceled";

	private static final Logger logger = LoggerFactory.getLogger(ExampleProcedures.class);

	private static final long MAX_COUNTDOWN = 10_000;

	private static final long MAX_SLOW_MILLIS = 600_000;

	private final WampOperations wamp;

	private final MeterRegistry meters;

	private final SampleProperties properties;

	/**
	 * Create the procedures.
	 * @param wamp calls and publishes through the router
	 * @param meters counts cancellations
	 * @param properties the sample's settings
	 */
	public ExampleProcedures(WampOperations wamp, MeterRegistry meters, SampleProperties properties) {
		this.wamp = wamp;
		this.meters = meters;
		this.properties = properties;
	}

	/**
	 * Add two numbers and publish the sum on {@value EventCounters#ON_ADD} (to every
	 * subscriber, this session's own included).
	 * @param a a number
	 * @param b another number
	 * @return the sum: a whole number when both are whole
	 */
	@WampProcedure("com.example.add2")
	public Mono<Number> add2(Number a, Number b) {
		Number sum = isWhole(a) && isWhole(b) ? (Number) (a.longValue() + b.longValue())
				: (Number) (a.doubleValue() + b.doubleValue());
		PublishOptions options = PublishOptions.builder().excludeMe(false).build();
		return this.wamp.publish(EventCounters.ON_ADD, List.of(sum), Map.of(), options).thenReturn(sum);
	}

	private static boolean isWhole(Number number) {
		return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
				|| number instanceof java.math.BigInteger;
	}

	/**
	 * Answer with the call's positional and keyword arguments, unchanged (binary values
	 * included).
	 * @param invocation the call
	 * @return its arguments
	 */
	@WampProcedure("com.example.echo")
	public InvocationResult echo(WampInvocation invocation) {
		return new InvocationResult(invocation.args(), invocation.kwargs());
	}

	/**
	 * Answer with several positional results and keyword results.
	 * @return {@code [1, "two", 3.5]} and {@code {"count": 3, "kind": "multiple"}}
	 */
	@WampProcedure("com.example.multiple")
	public WampResult multiple() {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("count", 3);
		kwargs.put("kind", "multiple");
		return WampResult.of(List.of(1, "two", 3.5), kwargs);
	}

	/**
	 * Call {@code com.example.echo} through the router with this call's arguments and
	 * answer with its result.
	 * @param invocation the call
	 * @return what echo answered
	 */
	@WampProcedure("com.example.circular")
	public Mono<InvocationResult> circular(WampInvocation invocation) {
		return this.wamp.call("com.example.echo", invocation.args(), invocation.kwargs(), CallOptions.defaults())
			.map((result) -> new InvocationResult(result.args(), result.kwargs()));
	}

	/**
	 * Count down from n: progressive results n, n-1, ..., 1, then the final result 0
	 * (only 0 when the caller did not ask for progressive results), each after a pause of
	 * {@code sample.countdown-interval}. Respects demand: the next number is produced
	 * only when the previous one was taken, so a slow connection slows the countdown down
	 * rather than overflowing it. Stops when canceled.
	 * @param n where to start, 0 to 10,000
	 * @return the numbers
	 */
	@WampProcedure("com.example.countdown")
	public Flux<Long> countdown(long n) {
		if (n < 0 || n > MAX_COUNTDOWN) {
			throw new IllegalArgumentException("n must be between 0 and " + MAX_COUNTDOWN + ", got " + n);
		}
		Duration interval = this.properties.getCountdownInterval();
		// not Flux.interval: it ticks whether or not anyone asked, and fails the call
		// with "Could not emit tick" when the results are written more slowly than it
		// ticks
		Flux<Long> rest = Flux.range(1, (int) n).delayElements(interval).map((i) -> n - i);
		return Flux.concat(Mono.just(n), rest).doOnCancel(() -> canceled("com.example.countdown"));
	}

	/**
	 * Wait, then answer with the wait. A cancel stops the wait.
	 * @param millis how long to wait, 0 to 600,000 ms
	 * @return the wait in milliseconds
	 */
	@WampProcedure("com.example.slow")
	public Mono<Long> slow(long millis) {
		if (millis < 0 || millis > MAX_SLOW_MILLIS) {
			throw new IllegalArgumentException("millis must be between 0 and " + MAX_SLOW_MILLIS + ", got " + millis);
		}
		return Mono.delay(Duration.ofMillis(millis)).thenReturn(millis).doOnCancel(() -> canceled("com.example.slow"));
	}

	/**
	 * Work longer than the registration allows. The registration carries a
	 * {@code timeout} option for routers that enforce it (the caller then gets their
	 * timeout or canceled error); the procedure enforces the same limit itself for
	 * routers that do not, and answers {@code wamp.error.timeout}.
	 * @return never a result with the default settings
	 */
	@WampProcedure(value = "com.example.timeout", options = "timeout=${sample.timeout.registration:1000}")
	public Mono<String> timeout() {
		Duration limit = this.properties.getTimeout().getRegistration();
		return Mono.delay(this.properties.getTimeout().getWork())
			.thenReturn("finished")
			.timeout(limit,
					Mono.error(() -> new WampException(WampUris.TIMEOUT,
							List.of("com.example.timeout did not finish within its registration's timeout of "
									+ limit.toMillis() + " ms"),
							Map.of())))
			.doOnCancel(() -> canceled("com.example.timeout"));
	}

	/**
	 * The caller's identity, as the router disclosed it (the registration asks for
	 * disclosure).
	 * @param caller the caller
	 * @return {@code session}, {@code authid} and {@code authrole}
	 */
	@WampProcedure(value = "com.example.whoami", discloseCaller = true)
	public Map<String, @Nullable Object> whoami(WampIdentity caller) {
		Map<String, @Nullable Object> identity = new LinkedHashMap<>();
		identity.put("session", caller.session());
		identity.put("authid", caller.authid());
		identity.put("authrole", caller.authrole());
		return identity;
	}

	private void canceled(String procedure) {
		logger.info("{} was canceled", procedure);
		this.meters.counter(CANCELED_METER, "procedure", procedure).increment();
	}

}
