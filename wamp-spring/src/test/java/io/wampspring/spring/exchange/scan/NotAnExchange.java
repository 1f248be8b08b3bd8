package io.wampspring.spring.exchange.scan;

/**
 * Not annotated: not registered.
 */
public interface NotAnExchange {

	/**
	 * Anything.
	 */
	void run();

}
