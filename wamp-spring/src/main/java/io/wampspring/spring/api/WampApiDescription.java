package io.wampspring.spring.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The WAMP API of an application: its procedures and topics, with the JSON Schema of
 * every argument, keyword argument and result. Schemas of structured types are shared
 * definitions, referenced as {@code {"$ref": "#/$defs/Person"}} from the document's root.
 *
 * @param schema the JSON Schema dialect of the schemas
 * @param procedures the registered procedures, by URI
 * @param topics the subscribed topics, by URI
 * @param definitions the shared schema definitions, by name
 */
public record WampApiDescription(@JsonProperty("$schema") String schema, List<Procedure> procedures, List<Topic> topics,
		@JsonProperty("$defs") Map<String, Object> definitions) {

	/**
	 * The JSON Schema dialect of the schemas.
	 */
	public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	/**
	 * Find a procedure.
	 * @param uri the procedure's URI
	 * @return the procedure, or null
	 */
	public @Nullable Procedure procedure(String uri) {
		return this.procedures.stream().filter((procedure) -> procedure.uri().equals(uri)).findFirst().orElse(null);
	}

	/**
	 * Find a topic.
	 * @param uri the topic's URI
	 * @return the topic, or null
	 */
	public @Nullable Topic topic(String uri) {
		return this.topics.stream().filter((topic) -> topic.uri().equals(uri)).findFirst().orElse(null);
	}

	/**
	 * A procedure served by a handler method.
	 *
	 * @param uri the procedure's URI (or pattern)
	 * @param peer the peer whose sessions register it
	 * @param handler the handler, such as {@code calculator#add}
	 * @param options the REGISTER options ({@code match}, {@code invoke}, ...)
	 * @param args the positional arguments, in order
	 * @param kwargs the keyword arguments
	 * @param result the result, or null for a method that answers nothing
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Procedure(String uri, String peer, String handler, Map<String, Object> options, List<Parameter> args,
			List<Parameter> kwargs, @Nullable Result result) {
	}

	/**
	 * A topic handled by a handler method.
	 *
	 * @param uri the topic's URI (or pattern)
	 * @param peer the peer whose session subscribes
	 * @param handler the handler, such as {@code listener#onHello}
	 * @param options the SUBSCRIBE options ({@code match}, ...)
	 * @param args the positional arguments of an event, in order
	 * @param kwargs the keyword arguments of an event
	 */
	public record Topic(String uri, String peer, String handler, Map<String, Object> options, List<Parameter> args,
			List<Parameter> kwargs) {
	}

	/**
	 * An argument or keyword argument.
	 *
	 * @param name the parameter's name (the keyword for a keyword argument)
	 * @param type the Java type, such as {@code java.util.List<com.example.Order>}
	 * @param required whether a call or event must carry it
	 * @param schema its JSON Schema
	 */
	public record Parameter(String name, String type, boolean required, Map<String, Object> schema) {
	}

	/**
	 * The result of a procedure.
	 *
	 * @param type the Java type of one result, such as {@code java.lang.Long}
	 * @param progressive whether the procedure sends progressive results before the final
	 * one (a {@code Flux}); each has this schema
	 * @param schema its JSON Schema
	 */
	public record Result(String type, boolean progressive, Map<String, Object> schema) {
	}

}
