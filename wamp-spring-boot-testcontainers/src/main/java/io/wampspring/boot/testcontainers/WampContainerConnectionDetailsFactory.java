package io.wampspring.boot.testcontainers;

import io.wampspring.boot.autoconfigure.WampConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * The base of the factories that let {@code @ServiceConnection} on a
 * {@link WampRouterContainer} supply the {@link WampConnectionDetails} of the default
 * router: the container's WebSocket URL and realm, and no credentials (the containers'
 * default realms are open).
 *
 * @param <C> the container type
 */
abstract class WampContainerConnectionDetailsFactory<C extends Container<?> & WampRouterContainer>
		extends ContainerConnectionDetailsFactory<C, WampConnectionDetails> {

	@Override
	protected WampConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<C> source) {
		return new WampContainerConnectionDetails<>(source);
	}

	/**
	 * Connection details read from the started container.
	 *
	 * @param <C> the container type
	 */
	static final class WampContainerConnectionDetails<C extends Container<?> & WampRouterContainer>
			extends ContainerConnectionDetails<C> implements WampConnectionDetails {

		WampContainerConnectionDetails(ContainerConnectionSource<C> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			return getContainer().getWebSocketUrl();
		}

		@Override
		public String getRealm() {
			return getContainer().getRealm();
		}

	}

}
