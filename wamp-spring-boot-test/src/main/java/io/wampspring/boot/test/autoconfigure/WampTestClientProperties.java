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

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getReadyTimeout() {
		return this.readyTimeout;
	}

	public void setReadyTimeout(Duration readyTimeout) {
		this.readyTimeout = readyTimeout;
	}

	public @Nullable String getRealm() {
		return this.realm;
	}

	public void setRealm(@Nullable String realm) {
		this.realm = realm;
	}

	public @Nullable String getAuthid() {
		return this.authid;
	}

	public void setAuthid(@Nullable String authid) {
		this.authid = authid;
	}

	public @Nullable String getTicket() {
		return this.ticket;
	}

	public void setTicket(@Nullable String ticket) {
		this.ticket = ticket;
	}

	public int getMaxBufferedEvents() {
		return this.maxBufferedEvents;
	}

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
