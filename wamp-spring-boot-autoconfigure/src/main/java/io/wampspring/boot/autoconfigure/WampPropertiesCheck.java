package io.wampspring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks the names under {@code wamp.} as soon as {@link WampProperties} is bound, before
 * any bean reads it and so before any session or the embedded router starts: a map key
 * with dots written without brackets ({@link WampMapKeyCheck}), then any name that no
 * property takes, such as {@code wamp.routers.main.ulr} (reported with the nearest valid
 * name). A mistake stops the start-up with a {@link WampConfigurationException}. Imported
 * by the WAMP auto-configurations; an application does not declare it.
 */
public final class WampPropertiesCheck implements BeanPostProcessor, EnvironmentAware {

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Environment current = this.environment;
		if (bean instanceof WampProperties properties && current != null) {
			// dotted map keys first: they read as unknown names too, but deserve the
			// precise advice
			WampMapKeyCheck.checkRealmUsers(current, properties);
			WampMapKeyCheck.checkPeerHandlers(current, properties);
			WampUnknownPropertyCheck.check(current);
		}
		return bean;
	}

}
