package io.wampspring.boot.test.client;

import java.util.function.Consumer;

import io.wampspring.client.CallResult;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;
import org.assertj.core.api.ObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a result (final or progressive) of a call.
 */
public final class ResultSpec {

	private final String description;

	private final CallResult result;

	ResultSpec(String description, CallResult result) {
		this.description = description;
		this.result = result;
	}

	/**
	 * Assert on the positional results; integers read as {@link Integer} when they fit.
	 * @return an AssertJ assertion
	 */
	public ListAssert<@Nullable Object> args() {
		return Assertions.assertThat(WampValues.normalize(this.result.args())).as("args of the %s", this.description);
	}

	/**
	 * Assert on one positional result.
	 * @param index the position
	 * @return an AssertJ assertion (on null when there is no such result)
	 */
	public ObjectAssert<@Nullable Object> arg(int index) {
		return Assertions.assertThat(WampValues.normalizeValue(this.result.arg(index)))
			.as("args[%d] of the %s", index, this.description);
	}

	/**
	 * Assert on the keyword results; integers read as {@link Integer} when they fit.
	 * @return an AssertJ assertion
	 */
	public MapAssert<String, @Nullable Object> kwargs() {
		return Assertions.assertThat(WampValues.normalize(this.result.kwargs()))
			.as("kwargs of the %s", this.description);
	}

	/**
	 * Assert on the RESULT details.
	 * @return an AssertJ assertion
	 */
	public MapAssert<String, Object> details() {
		return Assertions.assertThat(this.result.details()).as("details of the %s", this.description);
	}

	/**
	 * Hand the result to custom assertions.
	 * @param consumer the assertions
	 * @return this spec
	 */
	public ResultSpec consumeWith(Consumer<CallResult> consumer) {
		consumer.accept(this.result);
		return this;
	}

	/**
	 * The result as it arrived.
	 * @return the result
	 */
	public CallResult returnResult() {
		return this.result;
	}

	@Override
	public String toString() {
		return this.description + ": " + WampValues.normalize(this.result.args()) + " "
				+ WampValues.normalize(this.result.kwargs());
	}

}
