/**
 * Testcontainers support: containers of WAMP routers (Crossbar.io, Bondy) and the
 * {@code ContainerConnectionDetailsFactory}s that let {@code @ServiceConnection} supply
 * {@link io.wampspring.boot.autoconfigure.WampConnectionDetails}.
 */
@NullMarked
package io.wampspring.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
