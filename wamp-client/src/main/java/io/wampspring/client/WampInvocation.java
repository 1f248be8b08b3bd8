package io.wampspring.client;

import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A call to one of the client's registered procedures, as the handler sees it.
 *
 * @param procedure the called URI: the concrete URI for pattern registrations (from the
 * {@code procedure} detail), else the registered one
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param details the INVOCATION details
 * @param registration the registration handle the call was routed to
 * @param chunks the call's arguments as chunks: for a progressive call invocation
 * ({@link #progressive()}) the first INVOCATION's arguments (also in {@code args} and
 * {@code kwargs}), then those of every later INVOCATION of the call as it arrives,
 * completing with the final one (a final INVOCATION without arguments only completes the
 * Flux); otherwise one chunk of {@code args} and {@code kwargs}. Delivered on the
 * client's handler scheduler; chunks not taken yet count in the session's inbound
 * pressure, so a slow handler makes the connection stop reading at
 * {@link ClientLimits#inboundHighWaterMark()} (at most
 * {@link ClientLimits#maxQueuedInvocations()} held per call, one more fails it with
 * {@code wamp.error.limit_exceeded}); subscribe once
 */
public record WampInvocation(String procedure, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
		Map<String, Object> details, Registration registration, Flux<Payload> chunks) {

	/**
	 * An invocation of one chunk (not progressive).
	 * @param procedure the called URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param details the INVOCATION details
	 * @param registration the registration handle the call was routed to
	 */
	public WampInvocation(String procedure, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			Map<String, Object> details, Registration registration) {
		// deferred: a handler that never reads its chunks costs no copy
		this(procedure, args, kwargs, details, registration, Flux.defer(() -> Flux.just(new Payload(args, kwargs))));
	}

	/**
	 * Whether the caller streams the arguments as progressive call invocations: more
	 * chunks follow the first, read them from {@link #chunks()}.
	 * @return true when the first INVOCATION's details carry {@code progress=true}
	 */
	public boolean progressive() {
		return Dicts.bool(this.details, "progress", false);
	}

	/**
	 * The caller's session id, when the router disclosed it.
	 * @return the session id, or null
	 */
	public @Nullable Long caller() {
		return Dicts.integer(this.details, "caller");
	}

	/**
	 * The caller's authid, when the router disclosed it.
	 * @return the authid, or null
	 */
	public @Nullable String callerAuthid() {
		return Dicts.string(this.details, "caller_authid");
	}

	/**
	 * The caller's authrole, when the router disclosed it.
	 * @return the authrole, or null
	 */
	public @Nullable String callerAuthrole() {
		return Dicts.string(this.details, "caller_authrole");
	}

	/**
	 * Whether the caller accepts progressive results.
	 * @return true when the details carry {@code receive_progress=true}
	 */
	public boolean receiveProgress() {
		return Dicts.bool(this.details, "receive_progress", false);
	}

	/**
	 * The trust level the router assigned to the call ({@code trustlevel} detail), when
	 * it discloses one.
	 * @return the trust level, or null
	 */
	public @Nullable Long trustlevel() {
		return Dicts.integer(this.details, "trustlevel");
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
