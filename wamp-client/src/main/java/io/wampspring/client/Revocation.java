package io.wampspring.client;

import org.jspecify.annotations.Nullable;

/**
 * The router revoked a registration or a subscription of a {@link WampClient}'s session.
 *
 * @param registration true for a registration, false for a subscription
 * @param uri the procedure or topic (or pattern)
 * @param routerId the router's registration or subscription id that was revoked
 * @param reason the router's reason, or null when it gave none
 * @param sessionId the session it was revoked in
 * @param again whether the client registers or subscribes again
 * ({@link RevocationPolicy#AGAIN})
 */
public record Revocation(boolean registration, String uri, long routerId, @Nullable String reason, long sessionId,
		boolean again) {

	/**
	 * A readable description for logs and health.
	 * @return the description
	 */
	public String describe() {
		return (this.registration ? "registration of '" : "subscription to '") + this.uri + "' (id " + this.routerId
				+ ") revoked by the router" + ((this.reason != null) ? ": " + this.reason : "");
	}

}
