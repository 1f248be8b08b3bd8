package io.wampspring.boot.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.boot.autoconfigure.router.WampRouterReloader;
import io.wampspring.router.WampRouter;
import io.wampspring.router.realm.RouterReconfiguration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code wamprouter} Actuator endpoint of the embedded router (expose it with
 * {@code management.endpoints.web.exposure.include=wamprouter}): a read shows the realms
 * and the counters, a write ({@code POST /actuator/wamprouter}) reloads the realms from
 * {@code wamp.embedded-router.realms.*} without closing sessions (see
 * {@link WampRouterReloader}). Secure it like any write endpoint: it changes who may do
 * what.
 */
@Endpoint(id = "wamprouter")
public class WampRouterEndpoint {

	private final WampRouter router;

	private final WampRouterReloader reloader;

	/**
	 * Create the endpoint.
	 * @param router the embedded router
	 * @param reloader applies reloaded properties
	 */
	public WampRouterEndpoint(WampRouter router, WampRouterReloader reloader) {
		this.router = router;
		this.reloader = reloader;
	}

	/**
	 * The realms and counters.
	 * @return {@code running}, {@code realms} and {@code metrics} (while running)
	 */
	@ReadOperation
	public Map<String, Object> router() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("running", this.router.isRunning());
		if (this.router.isRunning()) {
			result.put("realms", this.router.core().realmNames());
			result.put("metrics", this.router.metrics());
		}
		return result;
	}

	/**
	 * Reload the realms from the environment.
	 * @return what changed: {@code added}, {@code updated}, {@code removed} realms and
	 * {@code closedSessions}
	 */
	@WriteOperation
	public RouterReconfiguration reload() {
		return this.reloader.reload();
	}

}
