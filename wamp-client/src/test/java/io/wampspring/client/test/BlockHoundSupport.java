package io.wampspring.client.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes a blocking call on a Netty event loop or a Reactor {@code parallel} thread fail the
 * test during which it happened. blockhound-junit-platform installs BlockHound before the
 * first test and loads this class as a {@link BlockHoundIntegration}
 * ({@code META-INF/services}); JUnit loads it as an extension (auto-detection is on in the
 * surefire configuration) and fails the test, or the class for calls made in
 * {@code @BeforeAll} / {@code @AfterAll}, with the stack of every blocking call it caught.
 * The call itself still throws BlockHound's {@link BlockingOperationError}, but that error
 * may be swallowed by the code under test: the record is what fails the test.
 * <p>
 * Shared through wamp-client's test jar with the suites of wamp-spring and the
 * auto-configuration (which add BlockHound, blockhound-junit-platform and the surefire
 * settings of wamp-client's pom). Log lines may be written from any thread: BlockHound's own
 * logging integration allows logback's appenders.
 */
public final class BlockHoundSupport implements BlockHoundIntegration, AfterEachCallback, AfterAllCallback {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Queue<String> caught = new ConcurrentLinkedQueue<>();

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.blockingMethodCallback((method) -> {
			BlockingOperationError error = new BlockingOperationError(method);
			StringWriter stack = new StringWriter();
			error.printStackTrace(new PrintWriter(stack));
			caught.add("on thread " + Thread.currentThread().getName() + ": " + stack);
			throw error;
		});
	}

	@Override
	public void afterEach(ExtensionContext context) {
		failOnBlockingCalls();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		failOnBlockingCalls();
	}

	/**
	 * The blocking calls caught since the last test, forgotten by this call (for the test
	 * that checks that BlockHound is installed).
	 * @return the stacks
	 */
	public static List<String> takeCaught() {
		List<String> calls = new ArrayList<>();
		for (String call = caught.poll(); call != null; call = caught.poll()) {
			calls.add(call);
		}
		return calls;
	}

	/**
	 * Check that BlockHound watches this JVM: a sleep on a {@code parallel} thread must be
	 * refused and recorded. For the one test of each suite that guards the set-up.
	 * @throws AssertionError when the sleep was allowed
	 */
	public static void verifyInstalled() {
		takeCaught();
		Throwable refused = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel()).then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(TIMEOUT);
		List<String> calls = takeCaught();
		if (!(refused instanceof BlockingOperationError) || calls.size() != 1
				|| !calls.get(0).contains("java.lang.Thread.sleep")) {
			throw new AssertionError("BlockHound is not installed: a sleep on a parallel thread gave " + refused
					+ " and recorded " + calls + "; check blockhound-junit-platform and the surefire argLine");
		}
	}

	private static void failOnBlockingCalls() {
		List<String> calls = takeCaught();
		if (!calls.isEmpty()) {
			throw new AssertionError(calls.size() + " blocking call(s) on a non-blocking thread:\n"
					+ String.join("\n", calls));
		}
	}

}
