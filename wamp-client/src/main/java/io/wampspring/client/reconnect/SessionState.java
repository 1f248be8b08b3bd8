package io.wampspring.client.reconnect;

/**
 * The states of a client's connection to its router.
 */
public enum SessionState {

	/**
	 * Not connected: before the first {@code connect()} or after the client was closed or
	 * gave up.
	 */
	CLOSED,

	/** Opening the transport and sending HELLO. */
	CONNECTING,

	/** The router sent a CHALLENGE; the client is answering it. */
	AUTHENTICATING,

	/** The session is joined to its realm; requests may be sent. */
	JOINED,

	/**
	 * The session is joined and requests may be sent, but some registrations or
	 * subscriptions could not be restored after a reconnect; the client retries them and
	 * {@code WampClient#missing()} names them.
	 */
	DEGRADED,

	/** The client sent GOODBYE and waits for the router's answer. */
	LEAVING,

	/**
	 * The transport was lost or an attempt failed; the client waits before the next
	 * attempt.
	 */
	RECONNECTING

}
