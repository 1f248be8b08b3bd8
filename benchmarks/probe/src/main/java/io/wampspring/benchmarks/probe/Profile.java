package io.wampspring.benchmarks.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * A JDK Flight Recorder recording of the measured window only, when the system property
 * {@code bench.jfr} names a file: JFR's {@code profile} settings, with CPU samples every
 * 2 ms and allocation samples throttled to 20,000 per second (the default 150/s leaves
 * too few for per-site figures). Stack depth is a JVM option
 * ({@code -XX:FlightRecorderOptions=stackdepth=128}).
 */
final class Profile {

	private final @Nullable Recording recording;

	private final @Nullable Path file;

	private Profile(@Nullable Recording recording, @Nullable Path file) {
		this.recording = recording;
		this.file = file;
	}

	static Profile start() {
		String file = System.getProperty("bench.jfr");
		if (file == null || file.isBlank()) {
			return new Profile(null, null);
		}
		try {
			Recording recording = new Recording(Configuration.getConfiguration("profile"));
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
			recording.enable("jdk.ObjectAllocationSample").with("throttle", "20000/s");
			recording.start();
			return new Profile(recording, Path.of(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read JFR's profile settings", ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("JFR's profile settings do not parse: " + ex.getMessage(), ex);
		}
	}

	void stop() {
		if (this.recording == null || this.file == null) {
			return;
		}
		this.recording.stop();
		try {
			this.recording.dump(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the recording to " + this.file, ex);
		}
		finally {
			this.recording.close();
		}
	}

}
