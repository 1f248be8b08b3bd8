package io.wampspring.boot.test.client;

import java.util.function.Consumer;

import io.wampspring.core.WampException;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on an error a call or publication got.
 */
public final class ErrorSpec {

	private final String description;

	private final WampException error;

	ErrorSpec(String description, WampException error) {
		this.description = description;
		this.error = error;
	}

	/**
	 * Assert on the error's positional arguments.
	 * @return an AssertJ assertion
	 */
	public ListAssert<@Nullable Object> args() {
		return Assertions.assertThat(WampValues.normalize(this.error.getArgs()))
			.as("args of the %s %s", this.description, this.error.getUri());
	}

	/**
	 * Assert on the error's keyword arguments.
	 * @return an AssertJ assertion
	 */
	public MapAssert<String, @Nullable Object> kwargs() {
		return Assertions.assertThat(WampValues.normalize(this.error.getKwargs()))
			.as("kwargs of the %s %s", this.description, this.error.getUri());
	}

	/**
	 * Hand the error to custom assertions.
	 * @param consumer the assertions
	 * @return this spec
	 */
	public ErrorSpec consumeWith(Consumer<WampException> consumer) {
		consumer.accept(this.error);
		return this;
	}

	/**
	 * The error as it arrived.
	 * @return the exception with the URI, args and kwargs
	 */
	public WampException returnError() {
		return this.error;
	}

}
