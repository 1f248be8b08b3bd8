package io.wampspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.ArrayListSpanProcessor;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.micrometer.tracing.test.simple.SpansAssert;
import io.wampspring.client.CallOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The W3C trace context across WAMP, with OpenTelemetry through Boot's
 * auto-configuration: an HTTP request calls {@code com.example.circular} through the
 * template, whose handler calls {@code com.example.echo} through the router; the five
 * spans (HTTP server, call, invocation, nested call, nested invocation) are one trace,
 * each the child of the one before. The context travels as {@code _traceparent} in the
 * CALL options, which the embedded router passes into the INVOCATION details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wamp.embedded-router.raw-socket-port=0", "management.tracing.sampling.probability=1.0" })
@AutoConfigureTracing
@AutoConfigureWebTestClient
@Import(TracePropagationTests.TracedController.class)
class TracePropagationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WebTestClient http;

	@Autowired
	private WampTemplate wamp;

	@Autowired
	private ArrayListSpanProcessor spans;

	@Test
	void httpRequestCallHandlerAndNestedCallAreOneTrace() {
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.wamp.blocking()
				.call("wamp.registration.lookup", Long.class, "com.example.circular") != null
					&& this.wamp.blocking().call("wamp.registration.lookup", Long.class, "com.example.echo") != null);
		this.spans.clear();

		this.http.mutate()
			.responseTimeout(TIMEOUT)
			.build()
			.get()
			.uri("/trace/circular")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("[traced]");

		await().atMost(TIMEOUT).until(() -> finished().size() >= 5 && server() != null);
		List<FinishedSpan> finished = finished();
		FinishedSpan server = server();
		FinishedSpan call = wampSpan(finished, "com.example.circular call");
		FinishedSpan invocation = wampSpan(finished, "com.example.circular invocation");
		FinishedSpan nestedCall = wampSpan(finished, "com.example.echo call");
		FinishedSpan nestedInvocation = wampSpan(finished, "com.example.echo invocation");
		List<FinishedSpan> trace = List.of(server, call, invocation, nestedCall, nestedInvocation);
		SpansAssert.assertThat(trace).haveSameTraceId();
		assertThat(call.getParentId()).isEqualTo(server.getSpanId());
		assertThat(invocation.getParentId()).as("the callee continues the caller's trace").isEqualTo(call.getSpanId());
		assertThat(nestedCall.getParentId()).isEqualTo(invocation.getSpanId());
		assertThat(nestedInvocation.getParentId()).isEqualTo(nestedCall.getSpanId());
		assertThat(call.getKind()).isEqualTo(io.micrometer.tracing.Span.Kind.CLIENT);
		assertThat(invocation.getKind()).isEqualTo(io.micrometer.tracing.Span.Kind.SERVER);
	}

	private List<FinishedSpan> finished() {
		return this.spans.spans().stream().map(OtelFinishedSpan::fromOtel).collect(Collectors.toList());
	}

	private FinishedSpan server() {
		return finished().stream()
			.filter((span) -> span.getKind() == io.micrometer.tracing.Span.Kind.SERVER
					&& "/trace/circular".equals(span.getTags().get("uri")))
			.findFirst()
			.orElse(null);
	}

	private static FinishedSpan wampSpan(List<FinishedSpan> spans, String name) {
		List<FinishedSpan> named = spans.stream().filter((span) -> name.equals(span.getName())).toList();
		assertThat(named).as("spans named '%s' among %s", name, spans.stream().map(FinishedSpan::getName).toList())
			.hasSize(1);
		return named.get(0);
	}

	/**
	 * Collects the finished spans, and an HTTP endpoint that calls WAMP.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class TracedController {

		private final WampTemplate wamp;

		TracedController(WampTemplate wamp) {
			this.wamp = wamp;
		}

		@Bean
		static ArrayListSpanProcessor finishedSpans() {
			return new ArrayListSpanProcessor();
		}

		@GetMapping("/trace/circular")
		Mono<String> circular() {
			return this.wamp.call("com.example.circular", List.of("traced"), Map.of(), CallOptions.defaults())
				.map((result) -> result.args().toString().replace(" ", ""));
		}

	}

}
