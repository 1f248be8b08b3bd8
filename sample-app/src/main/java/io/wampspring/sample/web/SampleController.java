package io.wampspring.sample.web;

import java.util.List;
import java.util.Map;

import io.wampspring.client.PublishOptions;
import io.wampspring.spring.core.WampOperations;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small HTTP API in front of WAMP, to try the sample with curl: the handlers call and
 * publish through the router with the template, without blocking.
 */
@RestController
@RequestMapping("/api")
public class SampleController {

	private final WampOperations wamp;

	/**
	 * Create the controller.
	 * @param wamp the template
	 */
	public SampleController(WampOperations wamp) {
		this.wamp = wamp;
	}

	/**
	 * Call com.example.add2: {@code curl 'http://127.0.0.1:8080/api/add2?a=2&b=3'}.
	 * @param a a number
	 * @param b another number
	 * @return the sum
	 */
	@GetMapping("/add2")
	public Mono<Long> add2(@RequestParam long a, @RequestParam long b) {
		return this.wamp.call("com.example.add2", Long.class, a, b);
	}

	/**
	 * Publish a greeting on com.example.onhello and wait for the router's
	 * acknowledgement: {@code curl -d 'hi' http://127.0.0.1:8080/api/hello}.
	 * @param message the greeting
	 * @return the publication id
	 */
	@PostMapping("/hello")
	public Mono<Map<String, Long>> hello(@RequestBody String message) {
		return this.wamp
			.publish("com.example.onhello", List.of(message), Map.of(),
					PublishOptions.builder().acknowledge(true).excludeMe(false).build())
			.map((publication) -> Map.of("publication", publication));
	}

}
