package io.wampspring.client.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BlockHound is installed in this suite: a blocking call on a {@code parallel} thread is
 * refused and recorded (so that {@link BlockHoundSupport} fails the test), one on a
 * {@code boundedElastic} thread is not.
 */
class BlockHoundSupportTests {

	@Test
	void blockingOnAParallelThreadIsCaught() {
		BlockHoundSupport.verifyInstalled();
	}

	@Test
	void blockingOnABoundedElasticThreadIsAllowed() {
		StepVerifier.create(Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.boundedElastic())).expectNext("slept").expectComplete().verify(Duration.ofSeconds(5));
		assertThat(BlockHoundSupport.takeCaught()).isEmpty();
	}

}
