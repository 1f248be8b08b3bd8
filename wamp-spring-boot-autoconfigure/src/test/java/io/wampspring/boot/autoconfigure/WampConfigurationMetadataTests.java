package io.wampspring.boot.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that the processor generates, merged with
 * {@code additional-spring-configuration-metadata.json}, as the Spring Boot metadata
 * format defines it: a {@code defaultValue} for every property that has one, equal to the
 * default of {@link WampProperties} or {@link WampRouterProperties}; hints only on
 * properties (or their map's {@code .keys} / {@code .values}); and the keys of each
 * router, peer and realm, which the processor cannot reach behind a map, named in the
 * description of their map.
 */
class WampConfigurationMetadataTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	/** Defaults that depend on the machine, so that no value can be written down. */
	private static final Set<String> MACHINE_DEPENDENT = Set.of("wamp.defaults.callee.concurrency");

	private final JsonNode metadata = read();

	@Test
	void everyPropertyWithADefaultStatesItAndItMatches() {
		BeanWrapperImpl client = new BeanWrapperImpl(new WampProperties());
		BeanWrapperImpl router = new BeanWrapperImpl(new WampRouterProperties());
		String routerPrefix = WampRouterProperties.PREFIX + ".";
		List<String> problems = new ArrayList<>();
		for (JsonNode property : this.metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("wamp.")) {
				continue;
			}
			boolean ofRouter = name.startsWith(routerPrefix);
			BeanWrapperImpl properties = ofRouter ? router : client;
			String path = beanPath(name.substring(ofRouter ? routerPrefix.length() : "wamp.".length()));
			@Nullable Object actual = properties.getPropertyValue(path);
			JsonNode stated = property.get("defaultValue");
			if (stated == null) {
				if (hasDefault(actual) && !MACHINE_DEPENDENT.contains(name)) {
					problems.add(name + " has the default " + actual + " but no defaultValue");
				}
				continue;
			}
			Object converted = convert(stated, properties.getPropertyTypeDescriptor(path));
			if (!Objects.equals(normalized(converted), normalized(actual))) {
				problems.add(name + " states " + stated + " but defaults to " + actual);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void hintsReferToPropertiesOrTheirMapsKeysAndValues() {
		Map<String, String> types = new HashMap<>();
		this.metadata.get("properties")
			.forEach((property) -> types.put(property.get("name").asString(), property.get("type").asString()));
		for (JsonNode hint : this.metadata.get("hints")) {
			String name = hint.get("name").asString();
			String property = name.replaceFirst("\\.(keys|values)$", "");
			assertThat(types.containsKey(property)).as("hint %s is on property %s", name, property).isTrue();
			if (!property.equals(name)) {
				assertThat(types.get(property)).as("the type of %s", property).startsWith("java.util.Map<");
			}
		}
	}

	@Test
	void theKeysBehindTheMapsAreDescribed() {
		assertDescribes("wamp.routers", WampProperties.Router.class);
		assertDescribes("wamp.peers", WampProperties.Peer.class);
		assertDescribes("wamp.embedded-router.realms", WampRouterProperties.Realm.class);
	}

	private void assertDescribes(String map, Class<?> entry) {
		String description = null;
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.get("name").asString().equals(map)) {
				description = property.get("description").asString();
			}
		}
		assertThat(description).as("the description of %s", map).isNotNull();
		List<String> keys = new ArrayList<>();
		keys(entry, "", keys);
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			// each stretch between two map or list placeholders is named as it is
			for (String part : key.split("\\.?<[a-z]+>\\.?")) {
				assertThat(description).as("%s names %s", map, key).contains(part);
			}
		}
	}

	/**
	 * The relative keys of a properties class, with {@code <key>} and {@code <n>} for
	 * maps and lists.
	 */
	private static void keys(Class<?> type, String prefix, List<String> keys) {
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + kebab(field.getName());
			Class<?> nested = nestedProperties(field.getGenericType());
			Class<?> value = Map.class.isAssignableFrom(field.getType())
					? nestedProperties(typeArgument(field.getGenericType(), 1)) : null;
			Class<?> element = List.class.isAssignableFrom(field.getType())
					? nestedProperties(typeArgument(field.getGenericType(), 0)) : null;
			if (nested != null) {
				keys(nested, name + ".", keys);
			}
			else if (value != null) {
				keys(value, name + ".<key>.", keys);
			}
			else if (element != null) {
				keys(element, name + "<n>.", keys);
			}
			else {
				keys.add(name);
			}
		}
	}

	private static Type typeArgument(Type type, int index) {
		return ((ParameterizedType) type).getActualTypeArguments()[index];
	}

	private static @Nullable Class<?> nestedProperties(Type type) {
		return (type instanceof Class<?> candidate && (candidate.getDeclaringClass() == WampProperties.class
				|| candidate.getDeclaringClass() == WampRouterProperties.class) && !candidate.isEnum()) ? candidate
						: null;
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String beanPath(String name) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	private static boolean hasDefault(@Nullable Object value) {
		if (value instanceof Collection<?> collection) {
			return !collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return !map.isEmpty();
		}
		return value != null;
	}

	private static @Nullable Object convert(JsonNode stated, TypeDescriptor type) {
		Object raw = stated.isArray() ? stated.valueStream().map(JsonNode::asString).toList() : stated.isNumber()
				? stated.numberValue() : stated.isBoolean() ? stated.booleanValue() : stated.asString();
		return ApplicationConversionService.getSharedInstance().convert(raw, TypeDescriptor.forObject(raw), type);
	}

	private static @Nullable Object normalized(@Nullable Object value) {
		return (value instanceof Collection<?> collection) ? List.copyOf(collection)
				: (value instanceof Object[] array) ? Arrays.asList(array) : value;
	}

	private static JsonNode read() {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(METADATA));
		}
		catch (IOException ex) {
			throw new IllegalStateException("no metadata at " + METADATA.toAbsolutePath() + ": compile the module", ex);
		}
	}

}
