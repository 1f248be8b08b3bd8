package io.wampspring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link WampConnectionDetails} from the default router of {@link WampProperties}.
 */
public class PropertiesWampConnectionDetails implements WampConnectionDetails {

	private final WampProperties properties;

	/**
	 * Create connection details from properties.
	 * @param properties the properties
	 */
	public PropertiesWampConnectionDetails(WampProperties properties) {
		this.properties = properties;
	}

	private WampProperties.Router router() {
		String name = WampRouterNames.defaultRouter(this.properties);
		WampProperties.Router router = (name != null) ? this.properties.getRouters().get(name) : null;
		if (router == null) {
			throw new IllegalStateException("no default WAMP router: set wamp.defaults.router or configure one router");
		}
		return router;
	}

	@Override
	public String getUrl() {
		String url = router().getUrl();
		if (url == null) {
			throw new IllegalStateException(
					"the default WAMP router has no url: it is the embedded router, in process");
		}
		return url;
	}

	@Override
	public String getRealm() {
		String realm = router().getRealm();
		if (realm == null) {
			throw new IllegalStateException("the default WAMP router has no realm");
		}
		return realm;
	}

	@Override
	public @Nullable String getAuthid() {
		return router().getAuth().getAuthid();
	}

	@Override
	public @Nullable String getSecret() {
		return router().getAuth().getSecret();
	}

}
