package io.wampspring.boot.autoconfigure;

import java.time.Duration;

import io.wampspring.spring.test.BlockHoundSupport;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BlockHound watches this suite too (wamp-spring's {@link BlockHoundSupport}, from its test
 * jar): a blocking call on a {@code parallel} thread is refused and recorded.
 */
class BlockHoundInstalledTests {

	@Test
	void blockingOnAParallelThreadIsCaught() {
		StepVerifier.create(Mono.fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.parallel())).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
		assertThat(BlockHoundSupport.takeCaught()).singleElement().asString().contains("java.lang.Thread.sleep");
	}

}
