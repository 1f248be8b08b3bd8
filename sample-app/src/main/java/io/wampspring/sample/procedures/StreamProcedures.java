package io.wampspring.sample.procedures;

import io.wampspring.spring.annotation.WampProcedure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Procedures that take their arguments as a stream (progressive call invocations): a
 * caller sends one CALL per chunk under one request id, the method reads them as a
 * {@code Flux}.
 */
@Component
public class StreamProcedures {

	/**
	 * The sum of the numbers streamed in, one number per chunk; a plain call with one
	 * number returns that number.
	 * @param numbers the numbers, as they arrive
	 * @return the sum: a whole number when every number is whole
	 */
	@WampProcedure("com.example.sum_stream")
	public Mono<Number> sumStream(Flux<Number> numbers) {
		return numbers.reduce(new Sum(0, 0, true), Sum::add).map(Sum::value);
	}

	private record Sum(long whole, double fraction, boolean allWhole) {

		Sum add(Number number) {
			boolean whole = number instanceof Long || number instanceof Integer || number instanceof Short
					|| number instanceof Byte;
			return whole ? new Sum(this.whole + number.longValue(), this.fraction, this.allWhole)
					: new Sum(this.whole, this.fraction + number.doubleValue(), false);
		}

		Number value() {
			return this.allWhole ? (Number) this.whole : (Number) (this.whole + this.fraction);
		}

	}

}
