package io.wampspring.client.session;

import io.wampspring.client.InvocationHandler;
import io.wampspring.client.Registration;

/**
 * Where a session routes the INVOCATIONs of one router registration.
 */
public interface InvocationTarget {

	/**
	 * The application's handle of the registration.
	 * @return the handle
	 */
	Registration registration();

	/**
	 * The handler to call.
	 * @return the handler
	 */
	InvocationHandler handler();

}
