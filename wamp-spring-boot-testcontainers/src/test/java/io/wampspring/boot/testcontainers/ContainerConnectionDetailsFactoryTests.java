package io.wampspring.boot.testcontainers;

import io.wampspring.boot.autoconfigure.WampConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The factories, found through {@code spring.factories}, map a container's WebSocket URL
 * and realm into {@link WampConnectionDetails}. Runs without Docker: the containers here
 * only pretend to be started.
 */
class ContainerConnectionDetailsFactoryTests {

	@Test
	void crossbarContainerSuppliesItsUrlAndRealm() throws Exception {
		CrossbarContainer crossbar = new StartedCrossbar().withRealm("realm2").withWebSocketPath("wamp");
		WampConnectionDetails details = connectionDetails(
				TestContainerConnectionSources.of(CrossbarContainer.class, "crossbario/crossbar:latest", crossbar));
		assertThat(details).isNotNull();
		assertThat(details.getUrl()).isEqualTo("ws://docker.example:32768/wamp");
		assertThat(details.getRealm()).isEqualTo("realm2");
		assertThat(details.getAuthid()).isNull();
		assertThat(details.getSecret()).isNull();
	}

	@Test
	void bondyContainerSuppliesItsUrlAndRealm() throws Exception {
		BondyContainer bondy = new StartedBondy();
		WampConnectionDetails details = connectionDetails(
				TestContainerConnectionSources.of(BondyContainer.class, "leapsight/bondy:latest", bondy));
		assertThat(details).isNotNull();
		assertThat(details.getUrl()).isEqualTo("ws://docker.example:32768/ws");
		assertThat(details.getRealm()).isEqualTo(BondyContainer.DEFAULT_REALM);
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void anotherContainerIsNotMapped() {
		StartedCrossbar crossbar = new StartedCrossbar();
		// a Crossbar source asks for WampConnectionDetails: only the Crossbar factory
		// answers
		assertThat(new BondyContainerConnectionDetailsFactory()
			.getConnectionDetails((ContainerConnectionSource) TestContainerConnectionSources.of(CrossbarContainer.class,
					"crossbario/crossbar:latest", crossbar)))
			.isNull();
	}

	@Test
	void containersAcceptCompatibleImagesOnly() {
		assertThat(new CrossbarContainer("crossbario/crossbar:cpy3-23.1.2").getRealm()).isEqualTo("realm1");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new BondyContainer("example/other:1"));
		assertThat(new BondyContainer(
				DockerImageName.parse("example/bondy:1").asCompatibleSubstituteFor("leapsight/bondy"))
			.getRealm()).isEqualTo("com.example.test");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static WampConnectionDetails connectionDetails(ContainerConnectionSource<?> source) throws Exception {
		Object details = new ConnectionDetailsFactories(null).getConnectionDetails(source, true)
			.get(WampConnectionDetails.class);
		((org.springframework.beans.factory.InitializingBean) details).afterPropertiesSet();
		return (WampConnectionDetails) details;
	}

	/** A Crossbar container that is "started" on a fixed host and port. */
	static class StartedCrossbar extends CrossbarContainer {

		@Override
		public void start() {
		}

		@Override
		public String getHost() {
			return "docker.example";
		}

		@Override
		public Integer getMappedPort(int originalPort) {
			return 32768;
		}

	}

	/** A Bondy container that is "started" on a fixed host and port. */
	static class StartedBondy extends BondyContainer {

		@Override
		public void start() {
		}

		@Override
		public String getHost() {
			return "docker.example";
		}

		@Override
		public Integer getMappedPort(int originalPort) {
			return 32768;
		}

	}

}
