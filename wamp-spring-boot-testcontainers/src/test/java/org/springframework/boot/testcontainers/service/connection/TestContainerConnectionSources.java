package org.springframework.boot.testcontainers.service.connection;

import java.util.List;

import org.testcontainers.containers.Container;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Creates a {@link ContainerConnectionSource} (whose constructor is package private) for
 * unit tests of connection details factories, as if {@code @ServiceConnection} were on a
 * field holding the container.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	/**
	 * A source of a container.
	 * @param <C> the container type
	 * @param type the container type
	 * @param image the container's image name (asking the container would pull the image)
	 * @param container the container
	 * @return the source
	 */
	public static <C extends Container<?>> ContainerConnectionSource<C> of(Class<C> type, String image, C container) {
		Origin origin = new Origin() {

			@Override
			public String toString() {
				return "test field";
			}

		};
		return new ContainerConnectionSource<>("test", origin, type, image,
				MergedAnnotation.of(ServiceConnection.class), () -> container, null, MergedAnnotations.of(List.of()));
	}

}
