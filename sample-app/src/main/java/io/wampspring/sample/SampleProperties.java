package io.wampspring.sample;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the sample's procedures ({@code sample.*}).
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * Pause between two progressive results of com.example.countdown.
	 */
	private Duration countdownInterval = Duration.ofMillis(100);

	/**
	 * Settings of com.example.timeout.
	 */
	private final Timeout timeout = new Timeout();

	public Duration getCountdownInterval() {
		return this.countdownInterval;
	}

	public void setCountdownInterval(Duration countdownInterval) {
		this.countdownInterval = countdownInterval;
	}

	public Timeout getTimeout() {
		return this.timeout;
	}

	/**
	 * Settings of com.example.timeout: its work takes longer than its registration
	 * allows.
	 */
	public static class Timeout {

		/**
		 * Time the registration allows (also sent as the registration's timeout option,
		 * in milliseconds, so write it as a number of milliseconds).
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration registration = Duration.ofSeconds(1);

		/**
		 * Time the work takes.
		 */
		private Duration work = Duration.ofSeconds(3);

		public Duration getRegistration() {
			return this.registration;
		}

		public void setRegistration(Duration registration) {
			this.registration = registration;
		}

		public Duration getWork() {
			return this.work;
		}

		public void setWork(Duration work) {
			this.work = work;
		}

	}

}
