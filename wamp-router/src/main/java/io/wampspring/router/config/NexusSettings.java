package io.wampspring.router.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Nexus-style services every realm offers (Zaber's Nexus router and its
 * izaber clients call them): where they live and the bounds that keep one user from
 * exhausting the router's memory. Build one with {@link #builder()}; {@link #DEFAULTS}
 * are the values below.
 *
 * @param prefix the URI prefix of the services, such as {@code com.izaber.wamp} (services
 * at {@code com.izaber.wamp.auth.whoami}, ...); empty by default (services at
 * {@code auth.whoami}, ...)
 * @param metadataMaxEntries metadata keys one authid may hold (256); one more is answered
 * with {@code wamp.error.limit_exceeded}
 * @param metadataMaxBytes metadata bytes one authid may hold, keys and values measured as
 * their JSON size (1 MiB)
 * @param rosterMaxEntriesPerSession rosters one session may be registered in (100)
 * @param rosterMaxEntryBytes the largest roster entry data, measured as its JSON size (64
 * KiB)
 * @param otpLifetime how long a one-time password may be used after it was created (10
 * minutes, as Nexus)
 * @param otpMaxPerAuthid unused one-time passwords one authid may hold (10)
 * @param apiKeysMaxPerAuthid API keys one authid may hold (100)
 * @param storeTimeout how long a call to a service waits for the metadata store before it
 * is answered with {@code wamp.error.timeout} (10 s)
 */
public record NexusSettings(String prefix, int metadataMaxEntries, long metadataMaxBytes,
		int rosterMaxEntriesPerSession, long rosterMaxEntryBytes, Duration otpLifetime, int otpMaxPerAuthid,
		int apiKeysMaxPerAuthid, Duration storeTimeout) {

	/** The defaults, with no prefix. */
	public static final NexusSettings DEFAULTS = new NexusSettings("", 256, 1024 * 1024, 100, 64 * 1024,
			Duration.ofMinutes(10), 10, 100, Duration.ofSeconds(10));

	/**
	 * Check the values.
	 * @param prefix the URI prefix of the services, such as {@code com.izaber.wamp}
	 * (services at {@code com.izaber.wamp.auth.whoami}, ...); empty by default (services
	 * at {@code auth.whoami}, ...)
	 * @param metadataMaxEntries metadata keys one authid may hold (256); one more is
	 * answered with {@code wamp.error.limit_exceeded}
	 * @param metadataMaxBytes metadata bytes one authid may hold, keys and values
	 * measured as their JSON size (1 MiB)
	 * @param rosterMaxEntriesPerSession rosters one session may be registered in (100)
	 * @param rosterMaxEntryBytes the largest roster entry data, measured as its JSON size
	 * (64 KiB)
	 * @param otpLifetime how long a one-time password may be used after it was created
	 * (10 minutes, as Nexus)
	 * @param otpMaxPerAuthid unused one-time passwords one authid may hold (10)
	 * @param apiKeysMaxPerAuthid API keys one authid may hold (100)
	 * @param storeTimeout how long a call to a service waits for the metadata store
	 * before it is answered with {@code wamp.error.timeout} (10 s)
	 */
	public NexusSettings {
		Objects.requireNonNull(prefix, "prefix");
		Objects.requireNonNull(otpLifetime, "otpLifetime");
		Objects.requireNonNull(storeTimeout, "storeTimeout");
		if (prefix.endsWith(".")) {
			prefix = prefix.substring(0, prefix.length() - 1);
		}
		require(metadataMaxEntries >= 1, "metadataMaxEntries must be at least 1, got " + metadataMaxEntries);
		require(metadataMaxBytes >= 1, "metadataMaxBytes must be at least 1, got " + metadataMaxBytes);
		require(rosterMaxEntriesPerSession >= 1,
				"rosterMaxEntriesPerSession must be at least 1, got " + rosterMaxEntriesPerSession);
		require(rosterMaxEntryBytes >= 1, "rosterMaxEntryBytes must be at least 1, got " + rosterMaxEntryBytes);
		require(!otpLifetime.isNegative() && !otpLifetime.isZero(), "otpLifetime must be positive, got " + otpLifetime);
		require(otpMaxPerAuthid >= 1, "otpMaxPerAuthid must be at least 1, got " + otpMaxPerAuthid);
		require(apiKeysMaxPerAuthid >= 1, "apiKeysMaxPerAuthid must be at least 1, got " + apiKeysMaxPerAuthid);
		require(!storeTimeout.isNegative() && !storeTimeout.isZero(),
				"storeTimeout must be positive, got " + storeTimeout);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("Invalid Nexus service settings: " + message);
		}
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder(DEFAULTS);
	}

	/**
	 * A builder starting from these settings.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The absolute URI of a service.
	 * @param relative such as {@code auth.whoami}
	 * @return the URI under the prefix
	 */
	public String uri(String relative) {
		return this.prefix.isEmpty() ? relative : this.prefix + "." + relative;
	}

	/**
	 * Builds {@link NexusSettings}.
	 */
	public static final class Builder {

		private String prefix;

		private int metadataMaxEntries;

		private long metadataMaxBytes;

		private int rosterMaxEntriesPerSession;

		private long rosterMaxEntryBytes;

		private Duration otpLifetime;

		private int otpMaxPerAuthid;

		private int apiKeysMaxPerAuthid;

		private Duration storeTimeout;

		private Builder(NexusSettings from) {
			this.prefix = from.prefix;
			this.metadataMaxEntries = from.metadataMaxEntries;
			this.metadataMaxBytes = from.metadataMaxBytes;
			this.rosterMaxEntriesPerSession = from.rosterMaxEntriesPerSession;
			this.rosterMaxEntryBytes = from.rosterMaxEntryBytes;
			this.otpLifetime = from.otpLifetime;
			this.otpMaxPerAuthid = from.otpMaxPerAuthid;
			this.apiKeysMaxPerAuthid = from.apiKeysMaxPerAuthid;
			this.storeTimeout = from.storeTimeout;
		}

		/**
		 * The URI prefix of the services.
		 * @param prefix such as {@code com.izaber.wamp}; empty for none
		 * @return this builder
		 */
		public Builder prefix(String prefix) {
			this.prefix = Objects.requireNonNull(prefix, "prefix");
			return this;
		}

		/**
		 * Metadata keys one authid may hold.
		 * @param entries at least 1
		 * @return this builder
		 */
		public Builder metadataMaxEntries(int entries) {
			this.metadataMaxEntries = entries;
			return this;
		}

		/**
		 * Metadata bytes one authid may hold.
		 * @param bytes at least 1
		 * @return this builder
		 */
		public Builder metadataMaxBytes(long bytes) {
			this.metadataMaxBytes = bytes;
			return this;
		}

		/**
		 * Rosters one session may be registered in.
		 * @param entries at least 1
		 * @return this builder
		 */
		public Builder rosterMaxEntriesPerSession(int entries) {
			this.rosterMaxEntriesPerSession = entries;
			return this;
		}

		/**
		 * The largest roster entry data.
		 * @param bytes at least 1
		 * @return this builder
		 */
		public Builder rosterMaxEntryBytes(long bytes) {
			this.rosterMaxEntryBytes = bytes;
			return this;
		}

		/**
		 * How long a one-time password may be used.
		 * @param lifetime positive
		 * @return this builder
		 */
		public Builder otpLifetime(Duration lifetime) {
			this.otpLifetime = Objects.requireNonNull(lifetime, "lifetime");
			return this;
		}

		/**
		 * Unused one-time passwords one authid may hold.
		 * @param count at least 1
		 * @return this builder
		 */
		public Builder otpMaxPerAuthid(int count) {
			this.otpMaxPerAuthid = count;
			return this;
		}

		/**
		 * API keys one authid may hold.
		 * @param count at least 1
		 * @return this builder
		 */
		public Builder apiKeysMaxPerAuthid(int count) {
			this.apiKeysMaxPerAuthid = count;
			return this;
		}

		/**
		 * How long a service call waits for the metadata store.
		 * @param timeout positive
		 * @return this builder
		 */
		public Builder storeTimeout(Duration timeout) {
			this.storeTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalArgumentException for a value out of range, naming it
		 */
		public NexusSettings build() {
			return new NexusSettings(this.prefix, this.metadataMaxEntries, this.metadataMaxBytes,
					this.rosterMaxEntriesPerSession, this.rosterMaxEntryBytes, this.otpLifetime, this.otpMaxPerAuthid,
					this.apiKeysMaxPerAuthid, this.storeTimeout);
		}

	}

}
