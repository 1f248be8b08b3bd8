package io.wampspring.client;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an invocation handler produces: one YIELD's positional and keyword results.
 *
 * @param args positional results
 * @param kwargs keyword results
 */
public record InvocationResult(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {

	private static final InvocationResult EMPTY = new InvocationResult(List.of(), Map.of());

	/**
	 * Copy the payload.
	 * @param args positional results
	 * @param kwargs keyword results
	 */
	public InvocationResult {
		args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
		kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
	}

	/**
	 * A result with positional values.
	 * @param args the values
	 * @return the result
	 */
	public static InvocationResult of(@Nullable Object... args) {
		return new InvocationResult(Arrays.asList(args), Map.of());
	}

	/**
	 * A result with positional and keyword values.
	 * @param args the positional values
	 * @param kwargs the keyword values
	 * @return the result
	 */
	public static InvocationResult of(List<?> args, Map<String, ?> kwargs) {
		return new InvocationResult(new java.util.ArrayList<@Nullable Object>(args),
				new java.util.LinkedHashMap<String, @Nullable Object>(kwargs));
	}

	/**
	 * A result without values.
	 * @return the empty result
	 */
	public static InvocationResult empty() {
		return EMPTY;
	}

}
