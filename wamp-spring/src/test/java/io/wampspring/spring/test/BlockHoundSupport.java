package io.wampspring.spring.test;

import java.io.PrintWriter;
import java.io.StringWriter;
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

/**
 * Makes a blocking call on a Netty event loop or a Reactor {@code parallel} thread fail the
 * test during which it happened. blockhound-junit-platform installs BlockHound before the
 * first test and loads this class as a {@link BlockHoundIntegration}
 * ({@code META-INF/services}); JUnit loads it as an extension (auto-detection is on in the
 * surefire configuration) and fails the test, or the class for calls made in
 * {@code @BeforeAll} / {@code @AfterAll}, with the stack of every blocking call it caught.
 * The call itself still throws BlockHound's {@link BlockingOperationError}, but that error
 * may be swallowed by the code under test: the record is what fails the test.
 */
public final class BlockHoundSupport implements BlockHoundIntegration, AfterEachCallback, AfterAllCallback {

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

	private static void failOnBlockingCalls() {
		List<String> calls = takeCaught();
		if (!calls.isEmpty()) {
			throw new AssertionError(calls.size() + " blocking call(s) on a non-blocking thread:\n"
					+ String.join("\n", calls));
		}
	}

}
