package io.wampspring.router.realm;

import java.util.List;

import io.netty.util.Timer;
import io.wampspring.core.message.Call;
import io.wampspring.core.uri.WampUriValidator;
import io.wampspring.router.broker.BrokerContext;
import io.wampspring.router.broker.Subscription;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.dealer.DealerContext;
import io.wampspring.router.dealer.Registration;
import org.jspecify.annotations.Nullable;

/**
 * What a realm gives its dealer and its broker: the one way they reach the realm, the
 * router core and the meta API, so that none of those has to expose its members.
 */
final class RealmContext implements DealerContext, BrokerContext {

	private final Realm realm;

	RealmContext(Realm realm) {
		this.realm = realm;
	}

	@Override
	public RealmConfig config() {
		return this.realm.config();
	}

	@Override
	public RouterLimits limits() {
		return this.realm.limits();
	}

	@Override
	public WampUriValidator uris() {
		return this.realm.uris();
	}

	@Override
	public @Nullable Integer trustlevel(RouterSession session) {
		return this.realm.trustlevel(session);
	}

	@Override
	public List<RouterSession> sessions() {
		return this.realm.sessions();
	}

	@Override
	public boolean isRouterProcedure(String procedure) {
		return this.realm.internal(procedure) != null;
	}

	@Override
	public void callRouterProcedure(RouterSession caller, Call call) {
		AsyncInternalProcedure procedure = this.realm.internal(call.procedure());
		if (procedure == null) {
			throw new IllegalArgumentException("'" + call.procedure() + "' is not a procedure of the router");
		}
		RouterCore core = this.realm.core;
		core.calls.increment();
		InternalCall.run(core, caller, call, procedure, core.nexusSettings().storeTimeout());
	}

	@Override
	public boolean isShuttingDown() {
		return this.realm.core.isShuttingDown();
	}

	@Override
	public void callRouted() {
		this.realm.core.calls.increment();
	}

	@Override
	public Timer timer() {
		return this.realm.core.timer();
	}

	@Override
	public void published() {
		this.realm.core.publications.increment();
	}

	@Override
	public void delivered(int count) {
		this.realm.core.events.add(count);
	}

	@Override
	public void registrationCreated(RouterSession session, Registration registration) {
		this.realm.meta.registrationCreated(session, registration);
	}

	@Override
	public void registrationAdded(RouterSession session, Registration registration) {
		this.realm.meta.registrationAdded(session, registration);
	}

	@Override
	public void registrationRemoved(@Nullable RouterSession session, Registration registration, boolean deleted) {
		this.realm.meta.registrationRemoved(session, registration, deleted);
	}

	@Override
	public void subscriptionCreated(RouterSession session, Subscription subscription) {
		this.realm.meta.subscriptionCreated(session, subscription);
	}

	@Override
	public void subscriptionAdded(RouterSession session, Subscription subscription) {
		this.realm.meta.subscriptionAdded(session, subscription);
	}

	@Override
	public void subscriptionRemoved(RouterSession session, Subscription subscription, boolean deleted) {
		this.realm.meta.subscriptionRemoved(session, subscription, deleted);
	}

}
