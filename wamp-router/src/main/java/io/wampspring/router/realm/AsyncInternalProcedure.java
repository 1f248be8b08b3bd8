package io.wampspring.router.realm;

import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A procedure the router itself answers when its answer may come later (the Nexus
 * services that ask a store). It is called on the caller's transport thread and must not
 * block; the router answers the caller when the {@link Mono} completes, or with
 * {@code wamp.error.timeout} after the store timeout.
 */
@FunctionalInterface
interface AsyncInternalProcedure {

	/**
	 * Run the procedure.
	 * @param caller the calling session
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @return the positional results; an error {@link WampException} answers with its URI
	 */
	Mono<List<@Nullable Object>> invoke(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs);

	/**
	 * Adapt a procedure that answers at once.
	 * @param procedure the procedure
	 * @return the adapted procedure
	 */
	static AsyncInternalProcedure of(InternalProcedure procedure) {
		return (caller, args, kwargs) -> Mono.fromSupplier(() -> procedure.invoke(caller, args, kwargs));
	}

}
