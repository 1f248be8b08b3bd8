package io.wampspring.spring.micrometer;

import java.util.Map;

import io.micrometer.observation.transport.Propagator;
import io.wampspring.core.message.CustomAttributes;
import org.jspecify.annotations.Nullable;

/**
 * How a trace context travels in a WAMP message: each propagation field (such as W3C's
 * {@code traceparent} and {@code tracestate}) becomes a custom attribute of the CALL or
 * PUBLISH options ({@code _traceparent}, {@code _tracestate}: the WAMP specification's
 * form for implementation-specific keys, see {@link CustomAttributes#key(String)}), which
 * the router passes into the INVOCATION or EVENT details, where the callee's or
 * subscriber's observation reads it back.
 */
final class WampTraceContext {

	/** Writes a propagation field into the options a call or publication will carry. */
	static final Propagator.Setter<Map<String, Object>> SETTER = (carrier, key, value) -> carrier
		.put(CustomAttributes.key(key), value);

	/** Reads a propagation field from the details of an invocation or event. */
	static final Propagator.Getter<Map<String, Object>> GETTER = WampTraceContext::get;

	private WampTraceContext() {
	}

	private static @Nullable String get(Map<String, Object> carrier, String key) {
		return (carrier.get(CustomAttributes.key(key)) instanceof String value) ? value : null;
	}

}
