package io.wampspring.boot.testcontainers;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * A Boot application against Bondy, connected by {@code @ServiceConnection}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = RouterApplication.class)
class BondyIntegrationTests extends AbstractRouterIntegrationTests {

	@Container
	@ServiceConnection
	static final BondyContainer bondy = new BondyContainer();

	@Override
	WampRouterContainer container() {
		return bondy;
	}

}
