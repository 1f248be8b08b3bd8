package io.wampspring.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.router.WampRouter;
import io.wampspring.sample.SampleApplication;
import io.wampspring.sample.events.EventCounters;
import io.wampspring.sample.procedures.ExampleProcedures;
import io.wampspring.spring.core.WampTemplate;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The sample app ({@code sample-app}) running in the test JVM: with its embedded router
 * on free ports, or in the {@code external} profile against another router. Its meters
 * tell what its subscriptions and procedures saw.
 */
public final class SampleApp implements AutoCloseable {

	/** Every procedure the sample registers (sample-app/README.md). */
	public static final List<String> PROCEDURES = List.of("com.example.add2", "com.example.echo",
			"com.example.multiple", "com.example.circular", "com.example.countdown", "com.example.slow",
			"com.example.validation_error", "com.example.notfound_error", "com.example.authorization_error",
			"com.example.service_error", "com.example.unknown_error", "com.example.timeout", "com.example.whoami");

	private final ConfigurableApplicationContext context;

	private SampleApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the sample with its embedded router: WebSocket and RawSocket on free ports
	 * (the service session's URL needs the WebSocket port before the context starts),
	 * HTTP on a random port; everything else is the sample's own default.
	 * @return the running sample
	 */
	public static SampleApp startEmbedded() {
		return start(List.of(), "--wamp.embedded-router.port=" + freePort(),
				"--wamp.embedded-router.raw-socket-port=0");
	}

	/**
	 * Start the sample in the {@code external} profile, joining the router at a URL
	 * (anonymously), as {@code WAMP_URL} / {@code WAMP_REALM} would.
	 * @param url the router's URL
	 * @param realm the realm
	 * @return the running sample (its session joins in the background)
	 */
	public static SampleApp startExternal(String url, String realm) {
		return start(List.of("external"), "--WAMP_URL=" + url, "--WAMP_REALM=" + realm);
	}

	private static SampleApp start(List<String> profiles, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		return new SampleApp(
				new SpringApplicationBuilder(SampleApplication.class).profiles(profiles.toArray(new String[0]))
					.run(all.toArray(new String[0])));
	}

	/**
	 * Wait until the sample's session has registered every procedure and subscribed both
	 * topics at its embedded router (it joins in the background after the context
	 * started).
	 * @param timeout how long to wait
	 * @return this sample
	 */
	public SampleApp awaitRegistered(Duration timeout) {
		WampTemplate wamp = this.context.getBean(WampTemplate.class);
		await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
			for (String procedure : PROCEDURES) {
				if (wamp.blocking().call("wamp.registration.lookup", Long.class, procedure) == null) {
					return false;
				}
			}
			return wamp.blocking().call("wamp.subscription.lookup", Long.class, EventCounters.ON_HELLO) != null
					&& wamp.blocking().call("wamp.subscription.lookup", Long.class, EventCounters.ON_ADD) != null;
		});
		return this;
	}

	/**
	 * Returns the embedded router's WebSocket URL.
	 * @return e.g. {@code ws://127.0.0.1:41234/ws}
	 */
	public String webSocketUrl() {
		return this.context.getBean(WampRouter.class).webSocketUrl();
	}

	/**
	 * Returns the embedded router's RawSocket URL.
	 * @return e.g. {@code tcp://127.0.0.1:41235}
	 */
	public String rawSocketUrl() {
		return this.context.getBean(WampRouter.class).rawSocketUrl();
	}

	/**
	 * How many events the sample received on a topic (its meter
	 * {@code sample.events.received}).
	 * @param topic {@code com.example.onhello} or {@code com.example.onadd}
	 * @return the count
	 */
	public long events(String topic) {
		return this.context.getBean(EventCounters.class).count(topic);
	}

	/**
	 * How many invocations of a procedure were canceled (meter
	 * {@code sample.procedures.canceled}).
	 * @param procedure the procedure URI
	 * @return the count
	 */
	public long canceled(String procedure) {
		Counter counter = this.context.getBean(MeterRegistry.class)
			.find(ExampleProcedures.CANCELED_METER)
			.tag("procedure", procedure)
			.counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
