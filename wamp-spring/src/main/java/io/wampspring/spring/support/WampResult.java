package io.wampspring.spring.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A result with positional values, keyword values and YIELD details, for handlers that
 * answer more than one value. Values are converted to the wire with Jackson.
 *
 * @param args positional results
 * @param kwargs keyword results
 * @param details YIELD options (not sent yet: the client does not carry YIELD options)
 */
public record WampResult(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
		Map<String, Object> details) {

	/**
	 * Copy the parts.
	 * @param args positional results
	 * @param kwargs keyword results
	 * @param details YIELD options (not sent yet: the client does not carry YIELD
	 * options)
	 */
	public WampResult {
		args = Collections.unmodifiableList(new ArrayList<>(args));
		kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * A result with positional values.
	 * @param args the values
	 * @return the result
	 */
	public static WampResult of(@Nullable Object... args) {
		return new WampResult(Arrays.asList(args), Map.of(), Map.of());
	}

	/**
	 * A result with positional and keyword values.
	 * @param args the positional values
	 * @param kwargs the keyword values
	 * @return the result
	 */
	public static WampResult of(List<?> args, Map<String, ?> kwargs) {
		return new WampResult(new ArrayList<@Nullable Object>(args),
				new LinkedHashMap<String, @Nullable Object>(kwargs), Map.of());
	}

	/**
	 * A result with keyword values only.
	 * @param kwargs the keyword values
	 * @return the result
	 */
	public static WampResult ofKwargs(Map<String, ?> kwargs) {
		return of(List.of(), kwargs);
	}

}
