package io.wampspring.boot.testcontainers;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * A Boot application against Crossbar.io, connected by {@code @ServiceConnection}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = RouterApplication.class)
class CrossbarIntegrationTests extends AbstractRouterIntegrationTests {

	@Container
	@ServiceConnection
	static final CrossbarContainer crossbar = new CrossbarContainer();

	@Override
	WampRouterContainer container() {
		return crossbar;
	}

}
