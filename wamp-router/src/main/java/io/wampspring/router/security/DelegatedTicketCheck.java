package io.wampspring.router.security;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What both delegating ticket checks share: the delegate runs off the event loop (it is
 * application code), within a deadline, and every way it can fail becomes a rejection
 * whose message never holds the ticket. What the client reads of that message is the
 * router's choice (uniform unless its errors are precise).
 */
final class DelegatedTicketCheck {

	/** The default deadline of one check. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/** The longest part of a delegate's error message that is logged. */
	private static final int MAX_DETAIL = 200;

	private final Duration timeout;

	private final Scheduler scheduler;

	private final String authprovider;

	DelegatedTicketCheck(Duration timeout, Scheduler scheduler, String authprovider) {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
		this.timeout = timeout;
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.authprovider = Objects.requireNonNull(authprovider, "authprovider");
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Run a delegate and turn its answer into a decision.
	 * @param request the HELLO
	 * @param ticket the ticket
	 * @param delegate the check: an identity, or an error; empty means rejected
	 * @return an accept or a reject, never an error
	 */
	Mono<AuthDecision> run(AuthRequest request, String ticket, Function<String, Mono<Identity>> delegate) {
		return Mono.defer(() -> delegate.apply(ticket))
			// The delegate is application code and may block, even if it should not:
			// never on the event loop.
			.subscribeOn(this.scheduler)
			.timeout(this.timeout)
			.map((identity) -> decide(request, identity))
			.switchIfEmpty(Mono.fromSupplier(() -> AuthDecision.reject("the ticket was not accepted")))
			.onErrorResume((ex) -> Mono.just(AuthDecision.reject(describe(ex, ticket))));
	}

	private AuthDecision decide(AuthRequest request, Identity identity) {
		if (identity.authid().isBlank()) {
			return AuthDecision.reject("the ticket names no authid");
		}
		if (request.authid() != null && !request.authid().equals(identity.authid())) {
			return AuthDecision.reject("the ticket belongs to authid '" + identity.authid()
					+ "', not to the announced authid '" + request.authid() + "'");
		}
		if (identity.role() == null || identity.role().isBlank()) {
			return AuthDecision.reject("the ticket of authid '" + identity.authid()
					+ "' carries no role, and no default role is configured");
		}
		return new AuthDecision.Accept(identity.authid(), identity.role(), this.authprovider, Map.of());
	}

	private String describe(Throwable ex, String ticket) {
		if (ex instanceof TimeoutException) {
			return "the " + this.authprovider + " check gave no answer within " + this.timeout.toMillis() + " ms";
		}
		StringBuilder detail = new StringBuilder("the ").append(this.authprovider)
			.append(" check rejected the ticket (")
			.append(ex.getClass().getSimpleName())
			.append(": ")
			.append(scrub(ex.getMessage(), ticket));
		// Decoders wrap the telling reason (such as an invalid signature) in a generic
		// one.
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != ex) {
			detail.append("; cause ")
				.append(root.getClass().getSimpleName())
				.append(": ")
				.append(scrub(root.getMessage(), ticket));
		}
		return detail.append(')').toString();
	}

	/**
	 * A delegate's message without the ticket (some libraries quote the input) and
	 * without unbounded length.
	 */
	static String scrub(@Nullable String message, String ticket) {
		if (message == null) {
			return "no message";
		}
		String safe = ticket.isEmpty() ? message : message.replace(ticket, "[ticket]");
		return (safe.length() > MAX_DETAIL) ? safe.substring(0, MAX_DETAIL) + "..." : safe;
	}

	/** The default scheduler of delegated checks. */
	static Scheduler defaultScheduler() {
		return Schedulers.boundedElastic();
	}

	/**
	 * Who a delegate says the ticket belongs to.
	 *
	 * @param authid the authid
	 * @param role the role, or null when the delegate found none
	 */
	record Identity(String authid, @Nullable String role) {
	}

}
