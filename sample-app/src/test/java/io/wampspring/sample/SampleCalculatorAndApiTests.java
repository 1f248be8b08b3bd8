package io.wampspring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.wampspring.sample.calc.Calculator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's declarative caller ({@link Calculator}, found by the auto-configuration's
 * scan) behind {@code /api/calc}, and its WAMP API description at
 * {@code /actuator/wamp/api}, which this test also writes to {@code target/wamp-api.json}
 * (the build-time copy of the description).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wamp.embedded-router.raw-socket-port=0", "sample.countdown-interval=10ms" })
@AutoConfigureWebTestClient
class SampleCalculatorAndApiTests {

	/** Where the build leaves the description of the sample's WAMP API. */
	static final Path API_FILE = Path.of("target", "wamp-api.json");

	@DynamicPropertySource
	static void routerPorts(DynamicPropertyRegistry registry) {
		int port = TestClients.freePort();
		registry.add("wamp.embedded-router.port", () -> port);
	}

	@Autowired
	private WebTestClient http;

	@Autowired
	private Calculator calculator;

	@Test
	void addAnswersThroughTheInterface() {
		this.http.get()
			.uri("/api/calc/add?a=2&b=3")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("5");
		assertThat(this.calculator.toString()).contains(Calculator.class.getName());
	}

	@Test
	void countdownCollectsTheProgressiveResults() {
		this.http.get()
			.uri("/api/calc/countdown?n=3")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Long>>() {
			})
			.isEqualTo(List.of(3L, 2L, 1L, 0L));
	}

	@Test
	void helloPublishesAcknowledged() {
		this.http.post()
			.uri("/api/calc/hello")
			.bodyValue("hi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Long>>() {
			})
			.value((body) -> assertThat(body.get("publication")).isPositive());
	}

	@Test
	void theApiDescriptionIsServedAndWritten() throws IOException {
		byte[] body = this.http.get()
			.uri("/actuator/wamp/api")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		assertThat(body).isNotNull();
		JsonNode api = JsonMapper.builder().build().readTree(body);
		Files.createDirectories(API_FILE.getParent());
		Files.writeString(API_FILE, api.toPrettyString(), StandardCharsets.UTF_8);

		assertThat(api.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		JsonNode add2 = procedure(api, "com.example.add2");
		JsonNode args = add2.get("args");
		assertThat(args).hasSize(2);
		assertThat(args.get(0).get("name").asString()).isEqualTo("a");
		assertThat(args.get(1).get("name").asString()).isEqualTo("b");
		for (JsonNode arg : args) {
			assertThat(arg.get("schema").get("type").asString()).isEqualTo("number");
			assertThat(arg.get("required").asBoolean()).isTrue();
		}
		assertThat(add2.get("result").get("schema").get("type").asString()).isEqualTo("number");
		assertThat(add2.get("result").get("progressive").asBoolean()).isFalse();
		assertThat(procedure(api, "com.example.countdown").get("result").get("progressive").asBoolean()).isTrue();
		assertThat(api.get("topics").findValuesAsString("uri")).contains("com.example.onhello");
		// the written file is the same description
		assertThat(JsonMapper.builder().build().readTree(Files.readString(API_FILE))).isEqualTo(api);
	}

	private static JsonNode procedure(JsonNode api, String uri) {
		for (JsonNode procedure : api.get("procedures")) {
			if (procedure.get("uri").asString().equals(uri)) {
				return procedure;
			}
		}
		throw new AssertionError(uri + " is not described: " + api.get("procedures"));
	}

}
