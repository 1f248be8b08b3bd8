package io.wampspring.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An event the router publishes for a session when the session ends (the spec's session
 * testament, {@code wamp.session.add_testament}), such as "service X went away" on the
 * service's own topic. A {@link WampClient} leaves its testaments again in every session
 * it joins.
 *
 * @param topic the topic
 * @param args positional arguments of the event
 * @param kwargs keyword arguments of the event
 * @param publishOptions publish options of the event ({@code acknowledge} and
 * {@code exclude_me} do not apply)
 * @param scope when the router publishes it
 */
public record Testament(String topic, List<?> args, Map<String, ?> kwargs, Map<String, ?> publishOptions, Scope scope) {

	/**
	 * Check and copy.
	 * @param topic the topic
	 * @param args positional arguments of the event
	 * @param kwargs keyword arguments of the event
	 * @param publishOptions publish options of the event
	 * @param scope when the router publishes it
	 */
	public Testament {
		Objects.requireNonNull(topic, "topic");
		args = List.copyOf(args);
		kwargs = Map.copyOf(kwargs);
		publishOptions = Map.copyOf(publishOptions);
		Objects.requireNonNull(scope, "scope");
	}

	/**
	 * A testament published when the session is destroyed, without options.
	 * @param topic the topic
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @return the testament
	 */
	public static Testament of(String topic, List<?> args, Map<String, ?> kwargs) {
		return new Testament(topic, args, kwargs, Map.of(), Scope.DESTROYED);
	}

	/**
	 * When a testament is published.
	 */
	public enum Scope {

		/**
		 * When the session is destroyed on the router (the spec's default).
		 */
		DESTROYED("destroyed"),

		/**
		 * When the session is detached from its transport. On a router without session
		 * resumption (the embedded router) that is the same moment as destroyed; detached
		 * testaments are published first.
		 */
		DETACHED("detached");

		private final String wireName;

		Scope(String wireName) {
			this.wireName = wireName;
		}

		/**
		 * The name on the wire.
		 * @return {@code destroyed} or {@code detached}
		 */
		public String wireName() {
			return this.wireName;
		}

		/**
		 * The scope for a name on the wire.
		 * @param name the name, or null for the default
		 * @return the scope
		 */
		public static Scope fromWire(@Nullable String name) {
			return "detached".equals(name) ? DETACHED : DESTROYED;
		}

	}

}
