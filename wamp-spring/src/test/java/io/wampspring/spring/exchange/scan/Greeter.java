package io.wampspring.spring.exchange.scan;

import io.wampspring.spring.exchange.WampCall;
import io.wampspring.spring.exchange.WampExchange;
import reactor.core.publisher.Mono;

/**
 * Found by scanning.
 */
@WampExchange(uriPrefix = "${test.prefix:com.example}")
public interface Greeter {

	/**
	 * Greet.
	 * @param name who
	 * @return the greeting
	 */
	@WampCall("greet")
	Mono<String> greet(String name);

}
