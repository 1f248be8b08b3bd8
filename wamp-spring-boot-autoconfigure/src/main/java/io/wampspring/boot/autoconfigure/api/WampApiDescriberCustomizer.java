package io.wampspring.boot.autoconfigure.api;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

/**
 * Customizes the JSON Schema generator of the auto-configured
 * {@link io.wampspring.spring.api.WampApiDescriber}, such as with victools' Jackson or
 * Jakarta validation modules. Applied in order.
 */
@FunctionalInterface
public interface WampApiDescriberCustomizer {

	/**
	 * Customize the generator's configuration.
	 * @param builder the configuration builder
	 */
	void customize(SchemaGeneratorConfigBuilder builder);

}
