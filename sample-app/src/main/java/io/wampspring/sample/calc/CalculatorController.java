package io.wampspring.sample.calc;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An HTTP API over the {@link Calculator} interface:
 * {@code curl 'http://127.0.0.1:8080/api/calc/add?a=2&b=3'} answers {@code 5}.
 */
@RestController
@RequestMapping("/api/calc")
public class CalculatorController {

	private final Calculator calculator;

	/**
	 * Create the controller.
	 * @param calculator the declarative caller
	 */
	public CalculatorController(Calculator calculator) {
		this.calculator = calculator;
	}

	/**
	 * Add two numbers through {@code com.example.add2}.
	 * @param a a number
	 * @param b another number
	 * @return the sum
	 */
	@GetMapping("/add")
	public Mono<Long> add(@RequestParam long a, @RequestParam long b) {
		return this.calculator.add(a, b);
	}

	/**
	 * Count down through {@code com.example.countdown}:
	 * {@code curl 'http://127.0.0.1:8080/api/calc/countdown?n=3'}.
	 * @param n where to start (0 to 100)
	 * @return the progressive results and the final one
	 */
	@GetMapping("/countdown")
	public Mono<List<Long>> countdown(@RequestParam long n) {
		if (n < 0 || n > 100) {
			return Mono.error(new IllegalArgumentException("n must be between 0 and 100, got " + n));
		}
		return this.calculator.countdown(n).collectList();
	}

	/**
	 * Publish a greeting: {@code curl -d 'hi' http://127.0.0.1:8080/api/calc/hello}.
	 * @param message the greeting
	 * @return the publication id
	 */
	@PostMapping("/hello")
	public Mono<Map<String, Long>> hello(@RequestBody String message) {
		return this.calculator.hello(message).map((publication) -> Map.of("publication", publication));
	}

}
