package io.wampspring.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One chunk of a progressive call invocation: the positional and keyword arguments of one
 * CALL (caller side) or one INVOCATION (callee side).
 *
 * @param args positional arguments
 * @param kwargs keyword arguments
 */
public record Payload(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {

	private static final Payload EMPTY = new Payload(List.of(), Map.of());

	/**
	 * Copy the payload.
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 */
	public Payload {
		args = Collections.unmodifiableList(new ArrayList<>(args));
		kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
	}

	/**
	 * A chunk of positional arguments.
	 * @param args the values
	 * @return the chunk
	 */
	public static Payload of(@Nullable Object... args) {
		return new Payload(Arrays.asList(args), Map.of());
	}

	/**
	 * A chunk of positional and keyword arguments.
	 * @param args the positional values
	 * @param kwargs the keyword values
	 * @return the chunk
	 */
	public static Payload of(List<?> args, Map<String, ?> kwargs) {
		return new Payload(new ArrayList<@Nullable Object>(args), new LinkedHashMap<String, @Nullable Object>(kwargs));
	}

	/**
	 * A chunk without arguments.
	 * @return the empty chunk
	 */
	public static Payload empty() {
		return EMPTY;
	}

	/**
	 * A positional argument.
	 * @param index the position
	 * @return the value, or null when absent
	 */
	public @Nullable Object arg(int index) {
		return (index < this.args.size()) ? this.args.get(index) : null;
	}

}
