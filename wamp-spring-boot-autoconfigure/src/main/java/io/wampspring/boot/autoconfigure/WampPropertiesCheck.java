package io.wampspring.boot.autoconfigure;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks the names under {@code wamp.} as soon as {@link WampProperties} or
 * {@link WampRouterProperties} is bound, whichever comes first, before any bean reads
 * them and so before any session or the embedded router starts: a map key with dots
 * written without brackets ({@link WampMapKeyCheck}), then any name that no property
 * takes, such as {@code wamp.routers.main.ulr} (reported with the nearest valid name). A
 * mistake stops the start-up with a {@link WampConfigurationException}. Imported by the
 * WAMP auto-configurations; an application does not declare it.
 */
public final class WampPropertiesCheck implements BeanPostProcessor, EnvironmentAware {

	private @Nullable Environment environment;

	// the environment is checked once, by the first of the two properties beans
	private volatile boolean checked;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Environment current = this.environment;
		if (current == null || this.checked
				|| !(bean instanceof WampProperties || bean instanceof WampRouterProperties)) {
			return bean;
		}
		WampProperties client = (bean instanceof WampProperties properties) ? properties
				: bind(current, "wamp", WampProperties.class, new WampProperties());
		WampRouterProperties router = (bean instanceof WampRouterProperties properties) ? properties
				: bind(current, WampRouterProperties.PREFIX, WampRouterProperties.class, new WampRouterProperties());
		// dotted map keys first: they read as unknown names too, but deserve the precise
		// advice
		WampMapKeyCheck.checkRealmUsers(current, router);
		WampMapKeyCheck.checkPeerHandlers(current, client);
		WampUnknownPropertyCheck.check(current);
		this.checked = true;
		return bean;
	}

	private static <T> T bind(Environment environment, String prefix, Class<T> type, T empty) {
		try {
			return Binder.get(environment).bind(prefix, type).orElse(empty);
		}
		catch (BindException ex) {
			// a wrong value is reported when the properties bean itself is bound
			return empty;
		}
	}

}
