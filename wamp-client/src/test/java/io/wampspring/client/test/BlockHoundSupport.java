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
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes a blocking call on a Netty event loop or a Reactor {@code parallel} thread fail
 * the test during which it happened. blockhound-junit-platform installs BlockHound before
 * the first test and loads this class as a {@link BlockHoundIntegration}
 * ({@code META-INF/services}); JUnit loads it as an extension (auto-detection is on in
 * the surefire configuration) and fails the test, or the class for calls made in
 * {@code @BeforeAll} / {@code @AfterAll}, with the stack of every blocking call it
 * caught. The call itself still throws BlockHound's {@link BlockingOperationError}, but
 * that error may be swallowed by the code under test: the record is what fails the test.
 * <p>
 * Shared through wamp-client's test jar with the suites of wamp-spring and the
 * auto-configuration (which add BlockHound, blockhound-junit-platform and the surefire
 * settings of wamp-client's pom). Log lines may be written from any thread: BlockHound's
 * own logging integration allows logback's appenders.
 */
public final class BlockHoundSupport
		implements BlockHoundIntegration, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Queue<String> caught = new ConcurrentLinkedQueue<>();

	// set when JUnit runs this class as an extension: without it nothing fails a test
	private static volatile boolean extension;

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Netty 4.2's default allocator frees a magazine under a StampedLock write lock,
		// a short critical section that Netty's own BlockHound integration does not list
		// yet (Armeria allows it too); it parks only when two event loops free at the
		// same moment
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		// the JDK's NativePRNG refills its buffer from /dev/urandom, which never blocks
		// on Linux; the Bouncy Castle JSSE provider's ECDSA signing draws from it during
		// a TLS handshake on the event loop
		builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
		builder.blockingMethodCallback((method) -> {
			BlockingOperationError error = new BlockingOperationError(method);
			StringWriter stack = new StringWriter();
			error.printStackTrace(new PrintWriter(stack));
			caught.add("on thread " + Thread.currentThread().getName() + ": " + stack);
			throw error;
		});
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		extension = true;
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
	 * Check that BlockHound watches this JVM and that this class runs as a JUnit
	 * extension: a sleep on a {@code parallel} thread must be refused and recorded, and
	 * the record must be able to fail the test. For the one test of each suite that
	 * guards the set-up.
	 * @throws AssertionError when the sleep was allowed or no extension would fail the
	 * test
	 */
	public static void verifyInstalled() {
		if (!extension) {
			throw new AssertionError("BlockHoundSupport does not run as a JUnit extension, so no test fails on a"
					+ " blocking call: set junit.jupiter.extensions.autodetection.enabled = true (surefire's"
					+ " <properties><configurationParameters>)");
		}
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
			throw new AssertionError(
					calls.size() + " blocking call(s) on a non-blocking thread:\n" + String.join("\n", calls));
		}
	}

}
