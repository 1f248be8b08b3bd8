package io.wampspring.client;

import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Result;
import org.jspecify.annotations.Nullable;

/**
 * The result of a call (or one progressive result).
 *
 * @param args positional results
 * @param kwargs keyword results
 * @param details the RESULT details
 */
public record CallResult(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
		Map<String, Object> details) {

	/**
	 * Create a result from a RESULT message.
	 * @param result the message
	 * @return the result
	 */
	public static CallResult of(Result result) {
		return new CallResult(result.args(), result.kwargs(), result.details());
	}

	/**
	 * Whether this is a progressive (intermediate) result.
	 * @return true when the details carry {@code progress=true}
	 */
	public boolean isProgress() {
		return Dicts.bool(this.details, "progress", false);
	}

	/**
	 * A positional result.
	 * @param index the position
	 * @return the value, or null when absent
	 */
	public @Nullable Object arg(int index) {
		return (index < this.args.size()) ? this.args.get(index) : null;
	}

}
