package io.wampspring.boot.test.autoconfigure;

import java.time.Duration;

import io.wampspring.boot.test.client.WampTestClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@link WampTestClient} bean of a test ({@code wamp.test.client.*}).
 */
@ConfigurationProperties("wamp.test.client")
public class WampTestClientProperties {

	/**
	 * Deadline of one expectation (a result, an error, an event, an acknowledgement).
	 */
	private Duration timeout = WampTestClient.DEFAULT_TIMEOUT;

	/**
	 * Deadline of joining, including the wait for the application's procedures and
	 * subscriptions to be registered.
	 */
	private Duration readyTimeout = WampTestClient.DEFAULT_READY_TIMEOUT;

	/**
	 * Realm to join. The embedded router's first realm when not set.
	 */
	private @Nullable String realm;

	/**
	 * Authid to announce. Anonymous when not set.
	 */
	private @Nullable String authid;

	/**
	 * Ticket (password or token) to log in with the ticket method. None when not set.
	 */
	private @Nullable String ticket;

	/**
	 * How many events a subscription keeps until the test expects them; more fail the
	 * next expectation.
	 */
	private int maxBufferedEvents = WampTestClient.DEFAULT_MAX_BUFFERED_EVENTS;

	/**
	 * Deadline of one expectation (a result, an error, an event, an acknowledgement).
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Set the value of {@link #getTimeout()}.
	 * @param timeout the new value
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Deadline of joining, including the wait for the application's procedures and
	 * subscriptions to be registered.
	 * @return the ready timeout
	 */
	public Duration getReadyTimeout() {
		return this.readyTimeout;
	}

	/**
	 * Set the value of {@link #getReadyTimeout()}.
	 * @param readyTimeout the new value
	 */
	public void setReadyTimeout(Duration readyTimeout) {
		this.readyTimeout = readyTimeout;
	}

	/**
	 * Realm to join.
	 * @return the realm
	 */
	public @Nullable String getRealm() {
		return this.realm;
	}

	/**
	 * Set the value of {@link #getRealm()}.
	 * @param realm the new value
	 */
	public void setRealm(@Nullable String realm) {
		this.realm = realm;
	}

	/**
	 * Authid to announce.
	 * @return the authid
	 */
	public @Nullable String getAuthid() {
		return this.authid;
	}

	/**
	 * Set the value of {@link #getAuthid()}.
	 * @param authid the new value
	 */
	public void setAuthid(@Nullable String authid) {
		this.authid = authid;
	}

	/**
	 * Ticket (password or token) to log in with the ticket method.
	 * @return the ticket
	 */
	public @Nullable String getTicket() {
		return this.ticket;
	}

	/**
	 * Set the value of {@link #getTicket()}.
	 * @param ticket the new value
	 */
	public void setTicket(@Nullable String ticket) {
		this.ticket = ticket;
	}

	/**
	 * How many events a subscription keeps until the test expects them; more fail the
	 * next expectation.
	 * @return the max buffered events
	 */
	public int getMaxBufferedEvents() {
		return this.maxBufferedEvents;
	}

	/**
	 * Set the value of {@link #getMaxBufferedEvents()}.
	 * @param maxBufferedEvents the new value
	 */
	public void setMaxBufferedEvents(int maxBufferedEvents) {
		this.maxBufferedEvents = maxBufferedEvents;
	}

	@Override
	public String toString() {
		// never the ticket
		return "WampTestClientProperties[realm=" + this.realm + ", authid=" + this.authid + ", timeout=" + this.timeout
				+ "]";
	}

}
