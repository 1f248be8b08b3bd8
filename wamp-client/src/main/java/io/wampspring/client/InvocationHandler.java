package io.wampspring.client;

import org.reactivestreams.Publisher;

/**
 * The code behind a registered procedure. It runs on the client's handler scheduler,
 * never on the I/O thread.
 * <p>
 * The returned Publisher decides the answer: a Mono gives one YIELD; a Flux gives a
 * progressive YIELD for every element but the last and the last element as the final
 * YIELD when the caller asked for progressive results (otherwise only the last element is
 * sent); empty completion gives a YIELD without results. An error gives ERROR: a
 * {@link io.wampspring.core.WampException} keeps its URI, args and kwargs; any other
 * exception becomes the client's default error URI with the exception message as the only
 * argument (never a stack trace). Elements are requested one at a time as they are
 * written.
 */
@FunctionalInterface
public interface InvocationHandler {

	/**
	 * Handle a call.
	 * @param invocation the call
	 * @return the results
	 */
	Publisher<InvocationResult> handle(WampInvocation invocation);

}
