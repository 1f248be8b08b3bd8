package io.wampspring.client;

import java.util.List;
import java.util.Map;

import io.wampspring.core.message.Dicts;
import org.jspecify.annotations.Nullable;

/**
 * A call to one of the client's registered procedures, as the handler sees it.
 *
 * @param procedure the called URI: the concrete URI for pattern registrations (from the
 * {@code procedure} detail), else the registered one
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param details the INVOCATION details
 * @param registration the registration handle the call was routed to
 */
public record WampInvocation(String procedure, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
		Map<String, Object> details, Registration registration) {

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
