package io.wampspring.boot.testcontainers;

/**
 * Lets {@code @ServiceConnection} on a {@link BondyContainer} supply the
 * {@link io.wampspring.boot.autoconfigure.WampConnectionDetails} of the default router:
 * its WebSocket URL and realm. Registered in {@code META-INF/spring.factories}.
 */
class BondyContainerConnectionDetailsFactory extends WampContainerConnectionDetailsFactory<BondyContainer> {

}
