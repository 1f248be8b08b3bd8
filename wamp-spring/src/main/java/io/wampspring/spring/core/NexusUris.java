package io.wampspring.spring.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where the Nexus services live: a prefix (null: the peer's uri-prefix) and per-service
 * overrides, for routers that put a service elsewhere. Immutable.
 */
public final class NexusUris {

	private static final NexusUris DEFAULTS = new NexusUris(null, Map.of());

	private final @Nullable String prefix;

	private final Map<NexusService, String> overrides;

	private NexusUris(@Nullable String prefix, Map<NexusService, String> overrides) {
		this.prefix = prefix;
		this.overrides = overrides.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(overrides));
	}

	/**
	 * The services under the peer's uri-prefix, with no overrides.
	 * @return the defaults
	 */
	public static NexusUris defaults() {
		return DEFAULTS;
	}

	/**
	 * The services under a prefix.
	 * @param prefix such as {@code com.izaber.wamp}; empty for none
	 * @return the URIs
	 */
	public static NexusUris withPrefix(String prefix) {
		return new NexusUris(strip(Objects.requireNonNull(prefix, "prefix")), Map.of());
	}

	/**
	 * A copy with one service at another absolute URI.
	 * @param service the service
	 * @param uri its absolute URI
	 * @return the copy
	 */
	public NexusUris override(NexusService service, String uri) {
		Map<NexusService, String> copy = new EnumMap<>(NexusService.class);
		copy.putAll(this.overrides);
		copy.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(uri, "uri"));
		return new NexusUris(this.prefix, copy);
	}

	/**
	 * The URI of a service.
	 * @param service the service
	 * @param peerPrefix the peer's uri-prefix, used when this has no prefix of its own
	 * @return the absolute URI
	 */
	public String uri(NexusService service, @Nullable String peerPrefix) {
		String override = this.overrides.get(service);
		if (override != null) {
			return override;
		}
		String base = (this.prefix != null) ? this.prefix : peerPrefix;
		return (base == null || base.isEmpty()) ? service.relativeUri() : base + "." + service.relativeUri();
	}

	private static String strip(String prefix) {
		return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

}
