package io.wampspring.core.message;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message that carries application payload: positional and keyword arguments (ERROR,
 * PUBLISH, EVENT, CALL, RESULT, INVOCATION, YIELD).
 */
public interface PayloadMessage {

	/**
	 * Positional arguments.
	 * @return an unmodifiable list, empty when the message had none (or null, as some
	 * peers send)
	 */
	List<@Nullable Object> args();

	/**
	 * Keyword arguments.
	 * @return an unmodifiable map, empty when the message had none
	 */
	Map<String, @Nullable Object> kwargs();

}
