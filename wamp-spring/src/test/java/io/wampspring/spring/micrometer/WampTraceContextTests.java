package io.wampspring.spring.micrometer;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carriers of the template's and the listener's observation contexts: propagation
 * fields become the WAMP custom attributes of the options, and are read back from the
 * details.
 */
class WampTraceContextTests {

	@Test
	void templateContextWritesPropagationFieldsAsCustomAttributes() {
		WampTemplateContext context = new WampTemplateContext(WampOperation.CALL, "default", "com.example.add2");
		assertThat(context.getPropagatedOptions()).isEmpty();
		context.getSetter().set(context.getCarrier(), "traceparent", "00-abc-def-01");
		context.getSetter().set(context.getCarrier(), "X-B3-TraceId", "abc");
		assertThat(context.getPropagatedOptions()).containsEntry("_traceparent", "00-abc-def-01")
			.containsEntry("_x_b3_traceid", "abc")
			.hasSize(2);
		assertThat(context.getKind()).isEqualTo(Kind.CLIENT);
		assertThat(new WampTemplateContext(WampOperation.PUBLISH, "default", "com.example.onadd").getKind())
			.isEqualTo(Kind.PRODUCER);
	}

	@Test
	void listenerContextReadsPropagationFieldsFromTheDetails() {
		WampListenerContext context = new WampListenerContext(WampOperation.INVOCATION, "default", "com.example.add2",
				"com.example.add2", "calculator#add", null,
				Map.of("_traceparent", "00-abc-def-01", "caller", 42L, "_tracestate", 7));
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo("00-abc-def-01");
		assertThat(context.getGetter().get(context.getCarrier(), "tracestate")).as("not a string").isNull();
		assertThat(context.getGetter().get(context.getCarrier(), "baggage")).isNull();
		assertThat(context.getKind()).isEqualTo(Kind.SERVER);
		WampListenerContext withoutDetails = new WampListenerContext(WampOperation.EVENT, "default",
				"com.example.onadd", "com.example.onadd", "counters#onAdd", 1L);
		assertThat(withoutDetails.getGetter().get(withoutDetails.getCarrier(), "traceparent")).isNull();
		assertThat(withoutDetails.getKind()).isEqualTo(Kind.CONSUMER);
	}

}
