package io.wampspring.interop.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fox-wamp router (npm {@code fox-wamp}, started by {@code interop/fox-wamp/start.js})
 * on a loopback port, as a JUnit extension or on its own.
 *
 * <p>
 * It listens for WebSocket with the JSON serializer only (fox-wamp has no MessagePack,
 * CBOR or RawSocket). The first start picks a free port; {@link #stop()} and
 * {@link #restart()} keep that port, so a client's reconnect can be tested against the
 * same URL.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FoxWampRouter fox = FoxWampRouter.builder().realm("realm1").build();
 * </pre>
 *
 * Registered as a static field it starts before the first test of the class and stops
 * after the last; as an instance field, around each test.
 */
public final class FoxWampRouter implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	/**
	 * The caller checks (see {@code autobahn-js/caller.js}) that fail through fox-wamp
	 * 0.7.28 because fox-wamp lacks the feature; {@code interop/README.md} says why for
	 * each.
	 */
	public static final List<String> UNSUPPORTED_CHECKS = List.of("echo_single_list", "error_uri", "disclose_caller",
			"pattern_prefix", "cancel");

	private static final Pattern READY_LINE = Pattern.compile("^READY ws://([0-9.]+):(\\d+)(/\\S*) realms=(\\S+)$");

	private final List<String> realms;

	private final List<String> options;

	private final Duration startTimeout;

	private int port;

	private String path = "/";

	private @Nullable PeerProcess process;

	private FoxWampRouter(Builder builder) {
		this.realms = List.copyOf(builder.realms.isEmpty() ? List.of("realm1") : builder.realms);
		this.options = List.copyOf(builder.options);
		this.startTimeout = builder.startTimeout;
	}

	/**
	 * Starts describing a router.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the router: on a free port the first time, on the same port afterwards.
	 * @return this router
	 * @throws IllegalStateException when it is already running or does not get ready in
	 * time
	 */
	public synchronized FoxWampRouter start() {
		if (this.process != null) {
			throw new IllegalStateException("fox-wamp is already running on port " + this.port);
		}
		List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(this.port)));
		this.realms.forEach((realm) -> args.addAll(List.of("--realm", realm)));
		args.addAll(this.options);
		PeerProcess started = PeerProcess.node("fox-wamp/start.js").name("fox-wamp").args(args).start();
		try {
			String ready = started.awaitLine(READY_LINE, this.startTimeout);
			Matcher matcher = READY_LINE.matcher(ready);
			if (!matcher.matches()) {
				throw new IllegalStateException("Unexpected ready line from fox-wamp: " + ready);
			}
			this.port = Integer.parseInt(matcher.group(2));
			this.path = matcher.group(3);
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
		this.process = started;
		return this;
	}

	/**
	 * Stops the router (its clients lose their transport); the port is kept for
	 * {@link #start()} or {@link #restart()}.
	 */
	public synchronized void stop() {
		PeerProcess running = this.process;
		this.process = null;
		if (running != null) {
			running.close();
		}
	}

	/**
	 * Stops the router if it runs and starts it again on the same port.
	 * @return this router
	 */
	public synchronized FoxWampRouter restart() {
		stop();
		return start();
	}

	/**
	 * Returns whether the router process is running.
	 * @return {@code true} while it runs
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Returns the WebSocket URL, e.g. {@code ws://127.0.0.1:41234/}.
	 * @return the URL clients connect to
	 * @throws IllegalStateException before the first start
	 */
	public String url() {
		return "ws://127.0.0.1:" + port() + this.path;
	}

	/**
	 * Returns the port the router listens on (kept across restarts).
	 * @return the port
	 * @throws IllegalStateException before the first start
	 */
	public synchronized int port() {
		if (this.port == 0) {
			throw new IllegalStateException("fox-wamp has not been started yet");
		}
		return this.port;
	}

	/**
	 * Returns the first configured realm.
	 * @return the realm name
	 */
	public String realm() {
		return this.realms.get(0);
	}

	/**
	 * Returns the output of the running router so far (with {@code trace}, every
	 * message).
	 * @return the output lines, empty when it does not run
	 */
	public synchronized List<String> output() {
		return (this.process != null) ? this.process.output() : List.of();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Describes a {@link FoxWampRouter}.
	 */
	public static final class Builder {

		private final List<String> realms = new ArrayList<>();

		private final List<String> options = new ArrayList<>();

		private Duration startTimeout = Duration.ofSeconds(20);

		private Builder() {
		}

		/**
		 * Adds a realm (default {@code realm1}). fox-wamp only accepts names of
		 * {@code [a-z0-9_]}; HELLO for any other realm gets ABORT
		 * {@code wamp.error.no_such_realm}.
		 * @param realm the realm name
		 * @return this builder
		 */
		public Builder realm(String realm) {
			this.realms.add(realm);
			return this;
		}

		/**
		 * Adds a user for ticket authentication. Once any user is added, anonymous
		 * sessions are refused.
		 * @param authid the authid
		 * @param ticket the ticket (secret)
		 * @return this builder
		 */
		public Builder ticket(String authid, String ticket) {
			return user("--ticket", authid, ticket);
		}

		/**
		 * Adds a user for WAMP-CRA authentication (unsalted secret).
		 * @param authid the authid
		 * @param secret the secret
		 * @return this builder
		 */
		public Builder wampcra(String authid, String secret) {
			return user("--wampcra", authid, secret);
		}

		/**
		 * Adds a user for WAMP-Cryptosign authentication.
		 * @param authid the authid
		 * @param publicKeyHex the user's Ed25519 public key, 32 bytes as hex
		 * @return this builder
		 */
		public Builder cryptosign(String authid, String publicKeyHex) {
			return user("--cryptosign", authid, publicKeyHex);
		}

		/**
		 * Sets whether the router logs every message it sends and receives.
		 * @param trace {@code true} to trace
		 * @return this builder
		 */
		public Builder trace(boolean trace) {
			if (trace) {
				this.options.add("--trace");
			}
			return this;
		}

		/**
		 * Sets whether fox-wamp's messages go out exactly as fox-wamp writes them, with
		 * {@code null} for a missing Arguments or ArgumentsKw (default: the launcher
		 * omits them, see {@code interop/README.md}).
		 * @param raw {@code true} for fox-wamp's own output
		 * @return this builder
		 */
		public Builder raw(boolean raw) {
			if (raw) {
				this.options.add("--raw");
			}
			return this;
		}

		/**
		 * Sets how long to wait for the router to be ready (default 20 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration timeout) {
			this.startTimeout = timeout;
			return this;
		}

		/**
		 * Builds the router description; nothing starts yet.
		 * @return the router
		 */
		public FoxWampRouter build() {
			return new FoxWampRouter(this);
		}

		private Builder user(String option, String authid, String secret) {
			this.options.add(option);
			this.options.add(authid + ":" + secret);
			return this;
		}

	}

}
