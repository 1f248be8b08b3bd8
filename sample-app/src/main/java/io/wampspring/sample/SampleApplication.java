package io.wampspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample WAMP service: starts the embedded router (WebSocket on 8090, RawSocket on
 * 8091, realm {@code realm1}), joins it as a backend user over WebSocket, registers the
 * {@code com.example.*} procedures and subscriptions, and serves HTTP and Actuator on
 * 8080. With the {@code script} profile it runs
 * {@link io.wampspring.sample.script.ScriptRunner} and exits; with the {@code external}
 * profile it joins the router at {@code WAMP_URL} instead of starting one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Run the sample.
	 * @param args command line arguments, such as {@code --spring.profiles.active=script}
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (context.getEnvironment().matchesProfiles("script")) {
			// the script has run: leave with its exit code instead of serving
			System.exit(SpringApplication.exit(context));
		}
	}

}
