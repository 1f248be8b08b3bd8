package io.wampspring.client.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM (a logback {@link ListAppender} on the root logger)
 * until closed; optionally lowers the level of the project's own loggers (and others), so
 * that debug lines are checked too.
 */
public final class LogCapture implements AutoCloseable {

	private static final String PROJECT = "io.wampspring";

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Map<Logger, @Nullable Level> levels = new LinkedHashMap<>();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(Level level, String... loggers) {
		for (String name : loggers) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.levels.put(logger, logger.getLevel());
			logger.setLevel(level);
		}
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/**
	 * Capture at the configured levels.
	 * @return the capture
	 */
	public static LogCapture start() {
		return new LogCapture(Level.INFO);
	}

	/**
	 * Capture with the project's loggers, and others, at DEBUG.
	 * @param others more logger names to set to DEBUG, such as {@code reactor.netty}
	 * @return the capture
	 */
	public static LogCapture startWithDebug(String... others) {
		String[] loggers = new String[others.length + 1];
		loggers[0] = PROJECT;
		System.arraycopy(others, 0, loggers, 1, others.length);
		return new LogCapture(Level.DEBUG, loggers);
	}

	/**
	 * The events captured so far.
	 * @return a snapshot
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/**
	 * Every captured line as text: level, logger, the formatted message and each class
	 * name and message of an attached exception and its causes.
	 * @return one string per event
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : events()) {
			StringBuilder line = new StringBuilder().append(event.getLevel())
				.append(' ')
				.append(event.getLoggerName())
				.append(" - ")
				.append(event.getFormattedMessage());
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * The events at ERROR or with an attached exception (a stack trace in the log).
	 * @return those events as text
	 */
	public List<String> errorsAndStackTraces() {
		List<String> found = new ArrayList<>();
		List<ILoggingEvent> events = events();
		List<String> lines = lines();
		for (int i = 0; i < events.size(); i++) {
			ILoggingEvent event = events.get(i);
			if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
				found.add(lines.get(i));
			}
		}
		return found;
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
		this.levels.forEach(Logger::setLevel);
	}

}
