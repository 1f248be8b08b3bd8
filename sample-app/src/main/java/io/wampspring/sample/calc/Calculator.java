package io.wampspring.sample.calc;

import io.wampspring.spring.exchange.WampCall;
import io.wampspring.spring.exchange.WampExchange;
import io.wampspring.spring.exchange.WampPublish;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sample's procedures as a Java interface: Spring Boot finds it in the application's
 * package and makes it a bean whose methods call through the router.
 */
@WampExchange(uriPrefix = "com.example")
public interface Calculator {

	/**
	 * Call {@code com.example.add2}.
	 * @param a a number
	 * @param b another number
	 * @return the sum
	 */
	@WampCall("add2")
	Mono<Long> add(long a, long b);

	/**
	 * Call {@code com.example.countdown}: its progressive results, then the final 0.
	 * @param n where to start
	 * @return n, n-1, ..., 0
	 */
	@WampCall("countdown")
	Flux<Long> countdown(long n);

	/**
	 * Publish a greeting on {@code com.example.onhello}, acknowledged by the router, to
	 * every subscriber (this session's own included).
	 * @param message the greeting
	 * @return the publication id
	 */
	@WampPublish(value = "onhello", excludeMe = "false")
	Mono<Long> hello(String message);

}
