package io.wampspring.boot.test.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.client.CallResult;
import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * The answers of one call, taken in order by the expectations: each waits for the next
 * answer within the client's timeout. Answers are requested one at a time, as the test
 * takes them, so a progressive procedure cannot flood the test.
 */
public final class CallExchange {

	private final String procedure;

	private final Duration timeout;

	// At most one requested answer and the terminal signal wait here.
	private final BlockingQueue<Signal<CallResult>> answers = new LinkedBlockingQueue<>();

	private final BaseSubscriber<CallResult> subscriber = new BaseSubscriber<>() {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(1);
		}

		@Override
		protected void hookOnNext(CallResult value) {
			CallExchange.this.answers.add(Signal.next(value));
		}

		@Override
		protected void hookOnComplete() {
			CallExchange.this.answers.add(Signal.complete());
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			CallExchange.this.answers.add(Signal.error(throwable));
		}

	};

	CallExchange(String procedure, Flux<CallResult> answers, Duration timeout) {
		this.procedure = procedure;
		this.timeout = timeout;
		answers.subscribe(this.subscriber);
	}

	/**
	 * Expect the final result as the next answer.
	 * @return assertions on it
	 * @throws AssertionError when the next answer is a progressive result or an error, or
	 * nothing arrives in time
	 */
	public ResultSpec expectResult() {
		return expect(false);
	}

	/**
	 * Expect a progressive result as the next answer.
	 * @return assertions on it
	 * @throws AssertionError when the next answer is the final result or an error, or
	 * nothing arrives in time
	 */
	public ResultSpec expectProgress() {
		return expect(true);
	}

	/**
	 * Expect an error with a URI as the next answer.
	 * @param uri the error URI, such as {@code wamp.error.invalid_argument}
	 * @return assertions on the error's payload
	 * @throws AssertionError when the next answer is a result or another error, or
	 * nothing arrives in time
	 */
	public ErrorSpec expectError(String uri) {
		ErrorSpec error = expectError();
		if (!uri.equals(error.returnError().getUri())) {
			throw new AssertionError("Expected error " + uri + " from '" + this.procedure + "' but got "
					+ describe(error.returnError()));
		}
		return error;
	}

	/**
	 * Expect an error as the next answer.
	 * @return assertions on the error
	 * @throws AssertionError when the next answer is a result, or nothing arrives in time
	 */
	public ErrorSpec expectError() {
		Signal<CallResult> answer = next("an error");
		Throwable error = answer.getThrowable();
		if (error instanceof WampException wamp) {
			return new ErrorSpec("error of '" + this.procedure + "'", wamp);
		}
		throw new AssertionError("Expected an error from '" + this.procedure + "' but got " + describe(answer), error);
	}

	/**
	 * Cancel the call (the router forwards CANCEL to the callee).
	 */
	public void cancel() {
		this.subscriber.dispose();
	}

	private ResultSpec expect(boolean progress) {
		String wanted = progress ? "a progressive result" : "the final result";
		Signal<CallResult> answer = next(wanted);
		CallResult result = answer.get();
		if (result != null && result.isProgress() == progress) {
			return new ResultSpec((progress ? "progressive result of '" : "result of '") + this.procedure + "'",
					result);
		}
		String hint = (result != null && result.isProgress()) ? " (expect it with expectProgress())" : "";
		throw new AssertionError(
				"Expected " + wanted + " from '" + this.procedure + "' but got " + describe(answer) + hint,
				answer.getThrowable());
	}

	private Signal<CallResult> next(String wanted) {
		Signal<CallResult> answer;
		try {
			answer = this.answers.poll(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + wanted + " from '" + this.procedure + "'");
		}
		if (answer == null) {
			throw new AssertionError("Expected " + wanted + " from '" + this.procedure + "' within "
					+ this.timeout.toMillis() + " ms, but nothing arrived");
		}
		if (answer.isOnNext()) {
			this.subscriber.request(1);
		}
		return answer;
	}

	private static String describe(Signal<CallResult> answer) {
		CallResult result = answer.get();
		if (result != null) {
			return (result.isProgress() ? "a progressive result " : "the final result ")
					+ WampValues.normalize(result.args()) + " " + WampValues.normalize(result.kwargs());
		}
		Throwable error = answer.getThrowable();
		if (error != null) {
			return describe(error);
		}
		return "no further answer (the call is complete)";
	}

	private static String describe(@Nullable Throwable error) {
		if (error instanceof WampException wamp) {
			return "error " + wamp.getUri() + " " + wamp.getArgs() + " " + wamp.getKwargs();
		}
		return "failure " + error;
	}

}
