package io.wampspring.core.message;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomAttributesTests {

	@Test
	void customKeysFollowTheSpecification() {
		assertThat(CustomAttributes.isCustom("_traceparent")).isTrue();
		assertThat(CustomAttributes.isCustom("_x_b3_traceid")).isTrue();
		assertThat(CustomAttributes.isCustom("_abc")).isTrue();
		assertThat(CustomAttributes.isCustom("_ab")).as("too short").isFalse();
		assertThat(CustomAttributes.isCustom("traceparent")).as("a WAMP predefined key").isFalse();
		assertThat(CustomAttributes.isCustom("_Trace")).as("upper case").isFalse();
		assertThat(CustomAttributes.isCustom("_trace-parent")).as("hyphen").isFalse();
	}

	@Test
	void headerNamesBecomeCustomKeys() {
		assertThat(CustomAttributes.key("traceparent")).isEqualTo("_traceparent");
		assertThat(CustomAttributes.key("X-B3-TraceId")).isEqualTo("_x_b3_traceid");
		assertThat(CustomAttributes.key("b3")).isEqualTo("_b3_");
		for (String name : new String[] { "traceparent", "tracestate", "baggage", "X-B3-TraceId", "b3",
				"uber-trace-id" }) {
			assertThat(CustomAttributes.isCustom(CustomAttributes.key(name))).as(name).isTrue();
		}
	}

	@Test
	void onlyCustomAttributesAreKept() {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("timeout", 1000);
		options.put("disclose_me", true);
		options.put("_traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		options.put("_x", "too short");
		assertThat(CustomAttributes.of(options))
			.containsExactly(Map.entry("_traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		assertThat(CustomAttributes.of(Map.of("timeout", 1))).isEmpty();
	}

}
