package io.wampspring.core.link;

/**
 * Something that accepts in-process connections, such as the embedded router.
 */
public interface LocalAcceptor {

	/**
	 * Open a connection.
	 * @param toClient the link on which the acceptor delivers messages to the connecting
	 * side
	 * @return the link on which the connecting side delivers messages to the acceptor
	 */
	LocalLink accept(LocalLink toClient);

}
