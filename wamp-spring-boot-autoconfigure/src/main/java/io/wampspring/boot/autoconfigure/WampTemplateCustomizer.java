package io.wampspring.boot.autoconfigure;

import io.wampspring.spring.core.WampTemplate;

/**
 * Customizes the auto-configured {@code wampTemplate}. The template is immutable, so a
 * customizer returns the configured copy, such as
 * {@code template -> template.withBlockTimeout(Duration.ofSeconds(5))}. Customizers run
 * in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface WampTemplateCustomizer {

	/**
	 * Customize the template.
	 * @param template the template so far
	 * @return the template to use (the same or a configured copy)
	 */
	WampTemplate customize(WampTemplate template);

}
