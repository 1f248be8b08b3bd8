package io.wampspring.client;

import io.wampspring.client.session.ClientSession;
import io.wampspring.client.session.InvocationTarget;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@link Registration} the application holds; it follows the router id of whichever
 * session registered it last.
 */
final class RegistrationHandle implements Registration, InvocationTarget {

	private final WampClient client;

	private final String procedure;

	private final RegisterOptions options;

	private final InvocationHandler handler;

	private volatile @Nullable ClientSession session;

	private volatile long registrationId;

	private volatile boolean active = true;

	private volatile boolean revoked;

	private volatile @Nullable String revocationReason;

	RegistrationHandle(WampClient client, String procedure, RegisterOptions options, InvocationHandler handler) {
		this.client = client;
		this.procedure = procedure;
		this.options = options;
		this.handler = handler;
	}

	synchronized void bind(ClientSession session, long registrationId) {
		this.session = session;
		this.registrationId = registrationId;
		this.revoked = false;
		this.revocationReason = null;
	}

	synchronized void revoke(@Nullable String reason) {
		this.session = null;
		this.registrationId = 0;
		this.revoked = true;
		this.revocationReason = reason;
	}

	long boundId() {
		return this.registrationId;
	}

	@Override
	public boolean isRevoked() {
		return this.revoked;
	}

	@Override
	public @Nullable String revocationReason() {
		return this.revocationReason;
	}

	synchronized void unbind() {
		this.active = false;
		this.session = null;
		this.registrationId = 0;
	}

	@Nullable ClientSession boundSession() {
		return this.session;
	}

	@Override
	public String procedure() {
		return this.procedure;
	}

	@Override
	public RegisterOptions options() {
		return this.options;
	}

	@Override
	public long registrationId() {
		ClientSession current = this.session;
		return (current != null && current.isJoined()) ? this.registrationId : 0;
	}

	@Override
	public boolean isActive() {
		return this.active;
	}

	@Override
	public Mono<Void> unregister() {
		return this.client.unregister(this);
	}

	@Override
	public Registration registration() {
		return this;
	}

	@Override
	public InvocationHandler handler() {
		return this.handler;
	}

	@Override
	public String toString() {
		return "Registration[" + this.procedure + ", id=" + registrationId() + "]";
	}

}
