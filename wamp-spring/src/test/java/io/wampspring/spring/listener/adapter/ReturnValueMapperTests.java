package io.wampspring.spring.listener.adapter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.client.InvocationResult;
import io.wampspring.spring.support.WampJsonConverter;
import io.wampspring.spring.support.WampResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReturnValueMapperTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ReturnValueMapper mapper = new ReturnValueMapper(WampJsonConverter.shared());

	record Order(String id, int quantity) {
	}

	@Test
	void plainValueIsOnePositionalResult() {
		StepVerifier.create(this.mapper.toResults(5))
			.expectNext(InvocationResult.of(5))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void pojoBecomesAValueTree() {
		StepVerifier.create(this.mapper.toResults(new Order("a1", 2)))
			.assertNext((result) -> assertThat(result.args()).containsExactly(Map.of("id", "a1", "quantity", 2)))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void nullIsAnEmptyResult() {
		StepVerifier.create(this.mapper.toResults(null))
			.expectNext(InvocationResult.empty())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void wampResultGivesArgsAndKwargs() {
		WampResult result = WampResult.of(List.of(1, new Order("b", 1)), Map.of("total", new Order("c", 3)));
		StepVerifier.create(this.mapper.toResults(result)).assertNext((converted) -> {
			assertThat(converted.args()).containsExactly(1, Map.of("id", "b", "quantity", 1));
			assertThat(converted.kwargs()).containsEntry("total", Map.of("id", "c", "quantity", 3));
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void monoGivesOneResult() {
		StepVerifier.create(this.mapper.toResults(Mono.just("x")))
			.expectNext(InvocationResult.of("x"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void fluxGivesOneResultPerElement() {
		StepVerifier.create(this.mapper.toResults(Flux.just(3, 2, 1)))
			.expectNext(InvocationResult.of(3), InvocationResult.of(2), InvocationResult.of(1))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void completionStageGivesOneResult() {
		StepVerifier.create(this.mapper.toResults(CompletableFuture.completedFuture("done")))
			.expectNext(InvocationResult.of("done"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void failedPublisherFails() {
		StepVerifier.create(this.mapper.toResults(Mono.error(new IllegalArgumentException("bad"))))
			.expectErrorMessage("bad")
			.verify(TIMEOUT);
	}

	@Test
	void resultThatCannotBeSerializedIsTheCalleesFault() {
		Object unserializable = new Object() {
			public Object getSelf() {
				throw new UnsupportedOperationException("no");
			}
		};
		assertThatIllegalStateException().isThrownBy(() -> this.mapper.toResult(unserializable))
			.withMessageContaining("cannot convert the result");
	}

}
