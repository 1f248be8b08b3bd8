package io.wampspring.sample.procedures;

import io.wampspring.core.WampUris;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the sample's exceptions become error URIs: the built-in table
 * ({@code IllegalArgumentException} to {@code wamp.error.invalid_argument}, ...) plus the
 * sample's own exceptions. Anything else answers the default application error URI.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorMapping {

	/** The error URI of {@link NotFoundException}. */
	public static final String NOT_FOUND = "com.example.error.not_found";

	/** The error URI com.example.service_error answers with. */
	public static final String SERVICE = "com.example.error.service";

	/**
	 * The translator of handler exceptions.
	 * @return the translator
	 */
	@Bean
	WampExceptionTranslator wampExceptionTranslator() {
		return WampExceptionTranslator.builder()
			.map(NotFoundException.class, NOT_FOUND)
			.map(NotAuthorizedException.class, WampUris.NOT_AUTHORIZED)
			.build();
	}

}
