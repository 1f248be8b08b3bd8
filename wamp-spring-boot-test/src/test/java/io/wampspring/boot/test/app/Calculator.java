package io.wampspring.boot.test.app;

import java.time.Duration;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Procedures of the test application.
 */
@Component
public class Calculator {

	private final WampTemplate wamp;

	Calculator(WampTemplate wamp) {
		this.wamp = wamp;
	}

	@WampProcedure("test.add2")
	public int add2(int a, int b) {
		return a + b;
	}

	@WampProcedure("test.describe")
	public Map<String, Object> describe(@Kwarg("name") String name) {
		return Map.of("name", name, "length", name.length());
	}

	@WampProcedure("test.countdown")
	public Flux<Integer> countdown(int from) {
		return Flux.range(0, from + 1).map((i) -> from - i);
	}

	@WampProcedure("test.sqrt")
	public double sqrt(double x) {
		if (x < 0) {
			throw new WampException("wamp.error.invalid_argument", "cannot take the square root of " + x);
		}
		return Math.sqrt(x);
	}

	@WampProcedure("test.slow")
	public Mono<String> slow(long millis) {
		return Mono.just("done").delayElement(Duration.ofMillis(millis));
	}

	@WampProcedure("test.announce")
	public Mono<Void> announce(String message, int times) {
		return Flux.range(1, times).concatMap((i) -> this.wamp.publish("test.announcements", message, i)).then();
	}

}
