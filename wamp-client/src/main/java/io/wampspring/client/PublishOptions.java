package io.wampspring.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Immutable options of a publication: acknowledgement, publisher exclusion, the
 * eligible/exclude black- and whitelists (session ids, authids, authroles), disclosure
 * and retention.
 */
public final class PublishOptions {

	private static final PublishOptions DEFAULTS = builder().build();

	private final boolean acknowledge;

	private final @Nullable Boolean excludeMe;

	private final @Nullable Boolean discloseMe;

	private final boolean retain;

	private final List<Long> eligible;

	private final List<String> eligibleAuthid;

	private final List<String> eligibleAuthrole;

	private final List<Long> exclude;

	private final List<String> excludeAuthid;

	private final List<String> excludeAuthrole;

	private final Map<String, Object> extra;

	private PublishOptions(Builder builder) {
		this.acknowledge = builder.acknowledge;
		this.excludeMe = builder.excludeMe;
		this.discloseMe = builder.discloseMe;
		this.retain = builder.retain;
		this.eligible = List.copyOf(builder.eligible);
		this.eligibleAuthid = List.copyOf(builder.eligibleAuthid);
		this.eligibleAuthrole = List.copyOf(builder.eligibleAuthrole);
		this.exclude = List.copyOf(builder.exclude);
		this.excludeAuthid = List.copyOf(builder.excludeAuthid);
		this.excludeAuthrole = List.copyOf(builder.excludeAuthrole);
		this.extra = Map.copyOf(builder.extra);
	}

	private PublishOptions(PublishOptions options, Map<String, Object> extra) {
		this.acknowledge = options.acknowledge;
		this.excludeMe = options.excludeMe;
		this.discloseMe = options.discloseMe;
		this.retain = options.retain;
		this.eligible = options.eligible;
		this.eligibleAuthid = options.eligibleAuthid;
		this.eligibleAuthrole = options.eligibleAuthrole;
		this.exclude = options.exclude;
		this.excludeAuthid = options.excludeAuthid;
		this.excludeAuthrole = options.excludeAuthrole;
		this.extra = Map.copyOf(extra);
	}

	/**
	 * No acknowledgement, the router's defaults for everything else.
	 * @return the default options
	 */
	public static PublishOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Acknowledged publication, the router's defaults for everything else.
	 * @return the options
	 */
	public static PublishOptions acknowledged() {
		return builder().acknowledge(true).build();
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the router confirms the publication with PUBLISHED (or refuses it with
	 * ERROR).
	 * @return the flag
	 */
	public boolean acknowledge() {
		return this.acknowledge;
	}

	/**
	 * Whether the publisher is excluded from receiving its own event; null for the
	 * router's default (true).
	 * @return the flag, or null
	 */
	public @Nullable Boolean excludeMe() {
		return this.excludeMe;
	}

	/**
	 * Whether the publisher's identity is disclosed to subscribers; null for the default.
	 * @return the flag, or null
	 */
	public @Nullable Boolean discloseMe() {
		return this.discloseMe;
	}

	/**
	 * Whether the router keeps this event as the topic's retained event, delivered to
	 * later subscribers that ask for it ({@code retain}, Advanced Profile event
	 * retention).
	 * @return the flag
	 */
	public boolean retain() {
		return this.retain;
	}

	/**
	 * A copy of these options with further PUBLISH options, such as the trace context's
	 * custom attributes; an entry replaces an earlier one of the same name.
	 * @param options the further options
	 * @return these options when {@code options} is empty, else a new instance
	 */
	public PublishOptions withOptions(Map<String, ?> options) {
		if (options.isEmpty()) {
			return this;
		}
		Map<String, Object> merged = new LinkedHashMap<>(this.extra);
		merged.putAll(options);
		return new PublishOptions(this, merged);
	}

	/**
	 * The PUBLISH options dictionary; unset values are left out.
	 * @return a new map
	 */
	public Map<String, Object> toWire() {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (this.acknowledge) {
			options.put("acknowledge", true);
		}
		if (this.excludeMe != null) {
			options.put("exclude_me", this.excludeMe);
		}
		if (this.discloseMe != null) {
			options.put("disclose_me", this.discloseMe);
		}
		if (this.retain) {
			options.put("retain", true);
		}
		putList(options, "eligible", this.eligible);
		putList(options, "eligible_authid", this.eligibleAuthid);
		putList(options, "eligible_authrole", this.eligibleAuthrole);
		putList(options, "exclude", this.exclude);
		putList(options, "exclude_authid", this.excludeAuthid);
		putList(options, "exclude_authrole", this.excludeAuthrole);
		return options;
	}

	private static void putList(Map<String, Object> options, String key, List<?> values) {
		if (!values.isEmpty()) {
			options.put(key, values);
		}
	}

	@Override
	public String toString() {
		return "PublishOptions" + toWire();
	}

	/**
	 * Builds {@link PublishOptions}.
	 */
	public static final class Builder {

		private boolean acknowledge;

		private @Nullable Boolean excludeMe;

		private @Nullable Boolean discloseMe;

		private boolean retain;

		private final List<Long> eligible = new ArrayList<>();

		private final List<String> eligibleAuthid = new ArrayList<>();

		private final List<String> eligibleAuthrole = new ArrayList<>();

		private final List<Long> exclude = new ArrayList<>();

		private final List<String> excludeAuthid = new ArrayList<>();

		private final List<String> excludeAuthrole = new ArrayList<>();

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Ask the router to acknowledge (default false).
		 * @param acknowledge the flag
		 * @return this builder
		 */
		public Builder acknowledge(boolean acknowledge) {
			this.acknowledge = acknowledge;
			return this;
		}

		/**
		 * Whether the publisher is excluded from its own event (router default true).
		 * @param excludeMe the flag
		 * @return this builder
		 */
		public Builder excludeMe(boolean excludeMe) {
			this.excludeMe = excludeMe;
			return this;
		}

		/**
		 * Ask the router to disclose the publisher to subscribers.
		 * @param discloseMe the flag
		 * @return this builder
		 */
		public Builder discloseMe(boolean discloseMe) {
			this.discloseMe = discloseMe;
			return this;
		}

		/**
		 * Ask the router to keep this event as the topic's retained event (default
		 * false); the router may refuse, and keeps it only when the publisher's role may
		 * retain on the topic.
		 * @param retain the flag
		 * @return this builder
		 */
		public Builder retain(boolean retain) {
			this.retain = retain;
			return this;
		}

		/**
		 * Only these sessions may receive the event.
		 * @param sessionIds session ids
		 * @return this builder
		 */
		public Builder eligible(Long... sessionIds) {
			this.eligible.addAll(List.of(sessionIds));
			return this;
		}

		/**
		 * Only sessions with these authids may receive the event.
		 * @param authids authids
		 * @return this builder
		 */
		public Builder eligibleAuthid(String... authids) {
			this.eligibleAuthid.addAll(List.of(authids));
			return this;
		}

		/**
		 * Only sessions with these authroles may receive the event.
		 * @param authroles authroles
		 * @return this builder
		 */
		public Builder eligibleAuthrole(String... authroles) {
			this.eligibleAuthrole.addAll(List.of(authroles));
			return this;
		}

		/**
		 * These sessions do not receive the event.
		 * @param sessionIds session ids
		 * @return this builder
		 */
		public Builder exclude(Long... sessionIds) {
			this.exclude.addAll(List.of(sessionIds));
			return this;
		}

		/**
		 * Sessions with these authids do not receive the event.
		 * @param authids authids
		 * @return this builder
		 */
		public Builder excludeAuthid(String... authids) {
			this.excludeAuthid.addAll(List.of(authids));
			return this;
		}

		/**
		 * Sessions with these authroles do not receive the event.
		 * @param authroles authroles
		 * @return this builder
		 */
		public Builder excludeAuthrole(String... authroles) {
			this.excludeAuthrole.addAll(List.of(authroles));
			return this;
		}

		/**
		 * Add a further PUBLISH option.
		 * @param key the option name
		 * @param value its value
		 * @return this builder
		 */
		public Builder option(String key, Object value) {
			this.extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Build the immutable options.
		 * @return the options
		 */
		public PublishOptions build() {
			return new PublishOptions(this);
		}

	}

}
