package io.wampspring.boot.autoconfigure.exchange.app;

import io.wampspring.spring.exchange.WampCall;
import io.wampspring.spring.exchange.WampExchange;
import reactor.core.publisher.Mono;

/**
 * An exchange of the test application's package.
 */
@WampExchange(uriPrefix = "${test.prefix}")
public interface Adder {

	/**
	 * Add.
	 * @param a a number
	 * @param b another
	 * @return the sum
	 */
	@WampCall("add2")
	Mono<Integer> add(int a, int b);

}
