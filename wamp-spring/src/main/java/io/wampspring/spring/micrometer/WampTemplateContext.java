package io.wampspring.spring.micrometer;

/**
 * The context of a {@code wamp.template} observation: one call or publication by the
 * template.
 */
public class WampTemplateContext extends WampObservationContext {

	/**
	 * Create a context.
	 * @param operation {@link WampOperation#CALL} or {@link WampOperation#PUBLISH}
	 * @param peer the peer's name
	 * @param uri the procedure or topic
	 */
	public WampTemplateContext(WampOperation operation, String peer, String uri) {
		super(operation, peer, uri, uri);
	}

}
