package io.wampspring.boot.autoconfigure.router;

import java.util.List;

import io.wampspring.router.WampRouter;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.realm.RouterReconfiguration;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Replaces the realms, users, roles, permissions, trust levels and event histories of the
 * running embedded router with what {@code wamp.embedded-router.realms.*} says now,
 * without closing sessions (see {@link WampRouter#reconfigure(List)}): sessions whose
 * credentials were removed are closed with {@code wamp.close.killed}, every other
 * session's next message is authorized under the new permissions. Listeners, limits and
 * the Nexus settings keep their start-up values.
 * <p>
 * {@link #reload()} binds the properties afresh from the {@link Environment}, so it sees
 * property sources that change at run time (an application's own
 * {@code MutablePropertySources}, a configuration server's refresh); call it from an
 * administration endpoint, a scheduled check of a file, or the {@code wamprouter}
 * Actuator endpoint's write operation.
 */
public class WampRouterReloader {

	private static final Logger logger = LoggerFactory.getLogger(WampRouterReloader.class);

	private final WampRouter router;

	private final Environment environment;

	private final @Nullable BeanFactory beans;

	/**
	 * Create a reloader.
	 * @param router the embedded router
	 * @param environment where the properties are bound from
	 * @param beans where a realm's Spring Security ticket check finds its bean, or null
	 * when there are no beans
	 */
	public WampRouterReloader(WampRouter router, Environment environment, @Nullable BeanFactory beans) {
		this.router = router;
		this.environment = environment;
		this.beans = beans;
	}

	/**
	 * Bind {@code wamp.embedded-router.*} from the environment again and apply its
	 * realms. Blocks while GOODBYEs are sent; do not call it on an event loop.
	 * @return what changed
	 * @throws io.wampspring.boot.autoconfigure.WampConfigurationException when the new
	 * properties are wrong (the router keeps its configuration)
	 * @throws IllegalStateException when the router is not running
	 */
	public synchronized RouterReconfiguration reload() {
		WampRouterProperties properties = Binder.get(this.environment)
			.bindOrCreate(WampRouterProperties.PREFIX, Bindable.of(WampRouterProperties.class));
		return reload(properties);
	}

	/**
	 * Apply the realms of given properties.
	 * @param properties the properties to apply
	 * @return what changed
	 * @throws io.wampspring.boot.autoconfigure.WampConfigurationException when the
	 * properties are wrong (the router keeps its configuration)
	 * @throws IllegalStateException when the router is not running
	 */
	public synchronized RouterReconfiguration reload(WampRouterProperties properties) {
		List<RealmConfig> realms = EmbeddedRouterFactory.realms(properties, this.beans);
		RouterReconfiguration result = this.router.reconfigure(realms);
		logger.info("Reloaded the embedded router's realms from wamp.embedded-router: {}", result);
		return result;
	}

}
