package io.wampspring.sample.script;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.spring.core.BlockingWampOperations;
import io.wampspring.spring.core.WampTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code script} profile, like izaber-wamp's example scripts: once the session
 * joined, it asks who it is, registers in a roster, queries and leaves it, then sets,
 * reads, lists and deletes a metadata entry, all through {@link WampTemplate}'s blocking
 * facade, printing each result on standard output. The application then exits (see
 * {@code SampleApplication}); a failure stops it with a non-zero exit code.
 */
@Component
@Profile("script")
public class ScriptRunner implements ApplicationRunner {

	/** The roster the script registers in. */
	public static final String ROSTER = "sample.scripts";

	private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

	private final WampTemplate wamp;

	private final PrintStream out;

	/**
	 * Create the runner.
	 * @param wamp the template
	 */
	public ScriptRunner(WampTemplate wamp) {
		this.wamp = wamp;
		this.out = System.out;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the session joins in the background: wait for it
		this.wamp.getPeer().connect().block(JOIN_TIMEOUT);
		BlockingWampOperations wamp = this.wamp.blocking();
		print("whoami", wamp.whoami());
		print("roster register", wamp.rosterRegister(ROSTER, Map.of("name", "sample-script"), List.of("*")));
		print("roster query", wamp.rosterQuery(ROSTER, Map.class));
		print("roster unregister", wamp.rosterUnregister(ROSTER));
		print("metadata set", wamp.metadataSet("color", "blue"));
		print("metadata get", wamp.metadataGet("color", String.class));
		print("metadata list", wamp.metadataList());
		print("metadata delete", wamp.metadataDelete("color"));
		print("metadata get", wamp.metadataGet("color", String.class));
		this.out.println("script finished");
	}

	private void print(String step, @Nullable Object result) {
		this.out.println(step + ": " + result);
	}

}
