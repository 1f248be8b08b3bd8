package io.wampspring.router.realm;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;

/**
 * A procedure the router itself answers (meta API, Nexus services). Runs on the caller's
 * transport thread, so it must be quick and must not block.
 */
@FunctionalInterface
interface InternalProcedure {

	/**
	 * Run the procedure.
	 * @param caller the calling session
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @return the positional results
	 * @throws WampException to answer with an ERROR
	 */
	List<@Nullable Object> invoke(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs);

}
