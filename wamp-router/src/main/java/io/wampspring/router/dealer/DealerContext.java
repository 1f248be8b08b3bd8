package io.wampspring.router.dealer;

import java.util.List;

import io.netty.util.Timer;
import io.wampspring.core.message.Call;
import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.realm.RouterSession;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Dealer} needs from its realm and router: configuration and limits, the
 * procedures the router answers itself, the timer, the counters and the meta events.
 * Internal to the embedded router; not an API.
 */
public interface DealerContext {

	/**
	 * The realm's configuration.
	 * @return the current configuration
	 */
	RealmConfig config();

	/**
	 * The router's limits.
	 * @return the limits
	 */
	RouterLimits limits();

	/**
	 * The rules procedure URIs must follow.
	 * @return the validator
	 */
	WampUriValidator uris();

	/**
	 * The trust level of a session's calls.
	 * @param session the session
	 * @return the level of its role, or null when none is configured
	 */
	@Nullable Integer trustlevel(RouterSession session);

	/**
	 * The joined sessions of the realm.
	 * @return a snapshot
	 */
	List<RouterSession> sessions();

	/**
	 * Whether the router answers a procedure itself (the meta API, the Nexus-style
	 * services).
	 * @param procedure the exact procedure URI
	 * @return true when it does
	 */
	boolean isRouterProcedure(String procedure);

	/**
	 * Count and run a call to a procedure the router answers itself, answering its caller
	 * once, within the router's bound.
	 * @param caller the calling session
	 * @param call the CALL, of a procedure {@link #isRouterProcedure(String)} accepts
	 */
	void callRouterProcedure(RouterSession caller, Call call);

	/**
	 * Whether the router is shutting down and refuses new calls.
	 * @return true once shutdown began
	 */
	boolean isShuttingDown();

	/**
	 * Count a call routed to a callee.
	 */
	void callRouted();

	/**
	 * The router's timer, for call timeouts.
	 * @return the timer
	 */
	Timer timer();

	/**
	 * A registration was created (the meta event {@code wamp.registration.on_create}).
	 * @param session the session that registered
	 * @param registration the registration
	 */
	void registrationCreated(RouterSession session, Registration registration);

	/**
	 * A callee was added to a registration ({@code wamp.registration.on_register}).
	 * @param session the callee
	 * @param registration the registration
	 */
	void registrationAdded(RouterSession session, Registration registration);

	/**
	 * A callee left a registration ({@code wamp.registration.on_unregister}), or the
	 * registration was deleted ({@code wamp.registration.on_delete}).
	 * @param session the callee, or null when none is named
	 * @param registration the registration
	 * @param deleted whether the registration was deleted
	 */
	void registrationRemoved(@Nullable RouterSession session, Registration registration, boolean deleted);

}
