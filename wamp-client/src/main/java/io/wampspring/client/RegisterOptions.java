package io.wampspring.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wampspring.core.uri.MatchPolicy;

/**
 * Immutable options of a registration.
 */
public final class RegisterOptions {

	private static final RegisterOptions DEFAULTS = builder().build();

	private final MatchPolicy match;

	private final InvokePolicy invoke;

	private final boolean discloseCaller;

	private final boolean forceReregister;

	private final Map<String, Object> extra;

	private RegisterOptions(Builder builder) {
		this.match = builder.match;
		this.invoke = builder.invoke;
		this.discloseCaller = builder.discloseCaller;
		this.forceReregister = builder.forceReregister;
		this.extra = Map.copyOf(builder.extra);
	}

	/**
	 * Exact match, single invocation, no caller disclosure, no forced re-registration.
	 * @return the default options
	 */
	public static RegisterOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * How the procedure URI matches called URIs.
	 * @return the match policy
	 */
	public MatchPolicy match() {
		return this.match;
	}

	/**
	 * How the router picks among several callees.
	 * @return the invocation policy
	 */
	public InvokePolicy invoke() {
		return this.invoke;
	}

	/**
	 * Whether the router should disclose callers to this callee.
	 * @return the flag
	 */
	public boolean discloseCaller() {
		return this.discloseCaller;
	}

	/**
	 * Whether this registration replaces an existing one of the same authid.
	 * @return the flag
	 */
	public boolean forceReregister() {
		return this.forceReregister;
	}

	/**
	 * Further entries for the REGISTER options.
	 * @return an unmodifiable map
	 */
	public Map<String, Object> extra() {
		return this.extra;
	}

	/**
	 * The REGISTER options dictionary; defaults are left out.
	 * @return a new map
	 */
	public Map<String, Object> toWire() {
		Map<String, Object> options = new LinkedHashMap<>(this.extra);
		if (this.match != MatchPolicy.EXACT) {
			options.put("match", this.match.wireName());
		}
		if (this.invoke != InvokePolicy.SINGLE) {
			options.put("invoke", this.invoke.wireName());
		}
		if (this.discloseCaller) {
			options.put("disclose_caller", true);
		}
		if (this.forceReregister) {
			options.put("force_reregister", true);
		}
		return options;
	}

	@Override
	public String toString() {
		return "RegisterOptions" + toWire();
	}

	/**
	 * Builds {@link RegisterOptions}.
	 */
	public static final class Builder {

		private MatchPolicy match = MatchPolicy.EXACT;

		private InvokePolicy invoke = InvokePolicy.SINGLE;

		private boolean discloseCaller;

		private boolean forceReregister;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * The match policy (default exact).
		 * @param match the policy
		 * @return this builder
		 */
		public Builder match(MatchPolicy match) {
			this.match = Objects.requireNonNull(match, "match");
			return this;
		}

		/**
		 * The invocation policy (default single).
		 * @param invoke the policy
		 * @return this builder
		 */
		public Builder invoke(InvokePolicy invoke) {
			this.invoke = Objects.requireNonNull(invoke, "invoke");
			return this;
		}

		/**
		 * Ask the router to disclose callers (default false).
		 * @param discloseCaller the flag
		 * @return this builder
		 */
		public Builder discloseCaller(boolean discloseCaller) {
			this.discloseCaller = discloseCaller;
			return this;
		}

		/**
		 * Replace an existing registration of the same authid (default false).
		 * @param forceReregister the flag
		 * @return this builder
		 */
		public Builder forceReregister(boolean forceReregister) {
			this.forceReregister = forceReregister;
			return this;
		}

		/**
		 * Add a further REGISTER option.
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
		public RegisterOptions build() {
			return new RegisterOptions(this);
		}

	}

}
