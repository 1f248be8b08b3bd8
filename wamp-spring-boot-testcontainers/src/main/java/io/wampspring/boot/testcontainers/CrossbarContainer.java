package io.wampspring.boot.testcontainers;

import java.util.Objects;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Crossbar.io router ({@code crossbario/crossbar}). With the image's own node
 * configuration it serves WebSocket at {@code /ws} on port {@value #WEBSOCKET_PORT} and
 * the realm {@value #DEFAULT_REALM}, open to anonymous sessions; give another
 * configuration with {@link #withNodeConfig(MountableFile)} and say where it listens with
 * {@link #withRealm(String)} and {@link #withWebSocketPath(String)}.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static CrossbarContainer crossbar = new CrossbarContainer();
 * </pre>
 */
public class CrossbarContainer extends GenericContainer<CrossbarContainer> implements WampRouterContainer {

	/** The image without a tag. */
	public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("crossbario/crossbar");

	/** The default tag. */
	public static final String DEFAULT_TAG = "latest";

	/** The port of the WebSocket transport inside the container. */
	public static final int WEBSOCKET_PORT = 8080;

	/** The realm of the image's node configuration. */
	public static final String DEFAULT_REALM = "realm1";

	private static final String NODE_CONFIG = "/node/.crossbar/config.json";

	private String realm = DEFAULT_REALM;

	private String webSocketPath = "/ws";

	/**
	 * A container of the default image.
	 */
	public CrossbarContainer() {
		this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
	}

	/**
	 * A container of an image.
	 * @param image such as {@code crossbario/crossbar:cpy3-23.1.2}
	 */
	public CrossbarContainer(String image) {
		this(DockerImageName.parse(image));
	}

	/**
	 * A container of an image.
	 * @param image the image, {@code crossbario/crossbar} or declared compatible with it
	 */
	public CrossbarContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
		withExposedPorts(WEBSOCKET_PORT);
		// the port opens once the node has started its realm and transport
		waitingFor(Wait.forListeningPort());
	}

	/**
	 * Run the node with another configuration ({@code config.json}).
	 * @param config the file, for example
	 * {@code MountableFile.forClasspathResource("crossbar.json")}
	 * @return this container
	 */
	public CrossbarContainer withNodeConfig(MountableFile config) {
		return withCopyFileToContainer(config, NODE_CONFIG);
	}

	/**
	 * The realm that the configuration defines (default {@value #DEFAULT_REALM}).
	 * @param realm the realm
	 * @return this container
	 */
	public CrossbarContainer withRealm(String realm) {
		this.realm = Objects.requireNonNull(realm, "realm");
		return self();
	}

	/**
	 * The path of the WebSocket transport that the configuration defines (default
	 * {@code /ws}).
	 * @param path the path
	 * @return this container
	 */
	public CrossbarContainer withWebSocketPath(String path) {
		this.webSocketPath = path.startsWith("/") ? path : "/" + path;
		return self();
	}

	@Override
	public String getWebSocketUrl() {
		return "ws://" + getHost() + ":" + getMappedPort(WEBSOCKET_PORT) + this.webSocketPath;
	}

	@Override
	public String getRealm() {
		return this.realm;
	}

}
