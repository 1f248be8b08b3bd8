package io.wampspring.boot.testcontainers;

import java.util.Objects;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Bondy router ({@code leapsight/bondy}). It starts with a security configuration of
 * this module that defines the realm {@value #DEFAULT_REALM} with security disabled (any
 * session may join and do anything), and serves WebSocket at {@code /ws} on port
 * {@value #WEBSOCKET_PORT}. Give another security configuration with
 * {@link #withSecurityConfig(MountableFile, String)}.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static BondyContainer bondy = new BondyContainer();
 * </pre>
 */
public class BondyContainer extends GenericContainer<BondyContainer> implements WampRouterContainer {

	/** The image without a tag. */
	public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("leapsight/bondy");

	/** The default tag. */
	public static final String DEFAULT_TAG = "latest";

	/** The port of the HTTP and WebSocket listener inside the container. */
	public static final int WEBSOCKET_PORT = 18080;

	/** The realm of the security configuration shipped with this module. */
	public static final String DEFAULT_REALM = "com.example.test";

	private static final String SECURITY_CONFIG = "/bondy/etc/security_config.json";

	private String realm = DEFAULT_REALM;

	/**
	 * A container of the default image.
	 */
	public BondyContainer() {
		this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
	}

	/**
	 * A container of an image.
	 * @param image such as {@code leapsight/bondy:1.0.0-rc.16}
	 */
	public BondyContainer(String image) {
		this(DockerImageName.parse(image));
	}

	/**
	 * A container of an image.
	 * @param image the image, {@code leapsight/bondy} or declared compatible with it
	 */
	public BondyContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
		withExposedPorts(WEBSOCKET_PORT);
		withCopyFileToContainer(
				MountableFile.forClasspathResource("io/wampspring/boot/testcontainers/bondy-security-config.json"),
				SECURITY_CONFIG);
		waitingFor(Wait.forListeningPort());
	}

	/**
	 * Start Bondy with another security configuration (realms, users, grants).
	 * @param config the JSON file
	 * @param realm the realm of that configuration that the test sessions join
	 * @return this container
	 */
	public BondyContainer withSecurityConfig(MountableFile config, String realm) {
		this.realm = Objects.requireNonNull(realm, "realm");
		return withCopyFileToContainer(config, SECURITY_CONFIG);
	}

	@Override
	public String getWebSocketUrl() {
		return "ws://" + getHost() + ":" + getMappedPort(WEBSOCKET_PORT) + "/ws";
	}

	@Override
	public String getRealm() {
		return this.realm;
	}

}
