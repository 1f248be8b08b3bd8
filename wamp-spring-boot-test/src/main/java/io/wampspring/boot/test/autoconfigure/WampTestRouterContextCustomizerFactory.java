package io.wampspring.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Turns the embedded router of a {@link WampTest @WampTest} on and puts it on a free port
 * (and a RawSocket listener the application configures on another). The port is chosen
 * when the context starts (so that a cached context keeps its port) and is a real number
 * rather than 0, because an application's router URL may refer to it (such as
 * {@code ws://127.0.0.1:${wamp.embedded-router.port}/ws}). The properties rank above the
 * application's configuration and below the test's own ({@code @WampTest(properties)},
 * {@code @TestPropertySource}, {@code @DynamicPropertySource}), which may override them.
 */
class WampTestRouterContextCustomizerFactory implements ContextCustomizerFactory {

	/** The prefix of the embedded router's properties. */
	static final String ROUTER_PREFIX = WampRouterProperties.PREFIX + ".";

	/** The name of the property source this factory adds. */
	static final String PROPERTY_SOURCE_NAME = "WampTest embedded router";

	/** The property sources of the test's own properties. */
	private static final List<String> TEST_SOURCES = List
		.of(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new RouterCustomizer();
	}

	/**
	 * Adds the property source; all instances are equal, so that contexts are cached as
	 * without it.
	 */
	static final class RouterCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			Map<String, Object> properties = new HashMap<>();
			properties.put(ROUTER_PREFIX + "enabled", "true");
			properties.put(ROUTER_PREFIX + "port", String.valueOf(freePort()));
			if (context.getEnvironment().containsProperty(ROUTER_PREFIX + "raw-socket-port")) {
				// a RawSocket listener the application configures moves to a free port
				// too
				properties.put(ROUTER_PREFIX + "raw-socket-port", "0");
			}
			MapPropertySource router = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
			String lowestTestSource = null;
			int lowest = -1;
			for (String name : TEST_SOURCES) {
				PropertySource<?> source = sources.get(name);
				if (source != null && sources.precedenceOf(source) > lowest) {
					lowest = sources.precedenceOf(source);
					lowestTestSource = name;
				}
			}
			if (lowestTestSource != null) {
				// below the test's own properties, above the application's
				sources.addAfter(lowestTestSource, router);
			}
			else {
				sources.addFirst(router);
			}
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No free port for the WampTest's embedded router", ex);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RouterCustomizer;
		}

		@Override
		public int hashCode() {
			return RouterCustomizer.class.hashCode();
		}

	}

}
