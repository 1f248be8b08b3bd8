package io.wampspring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds names under {@code wamp.} that no property of {@link WampProperties} or
 * {@link WampRouterProperties} takes, such as {@code wamp.routers.main.ulr}: Spring
 * Boot's binder ignores them without a word, so a typo would leave a default in place.
 * The names are found by binding {@code wamp} once more with Boot's own
 * {@link NoUnboundElementsBindHandler} (so every nested class, list element and map value
 * is covered exactly as Boot binds it); each is then placed in the shape of
 * {@link WampProperties} to name the nearest valid property.
 * <p>
 * As for {@code @ConfigurationProperties(ignoreUnknownFields = false)}, environment
 * variables and Java system properties are not checked: they are shared with everything
 * else that runs on the machine (a {@code WAMP_TICKET} variable is not meant as
 * {@code wamp.ticket}).
 */
final class WampUnknownPropertyCheck {

	private static final String PREFIX = "wamp";

	private static final ConfigurationPropertyName ROUTER_PREFIX = ConfigurationPropertyName
		.of(WampRouterProperties.PREFIX);

	private static final Set<String> UNCHECKED_SOURCES = Set.of(
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);

	/**
	 * Names under {@code wamp.} that other classes bind: {@code wamp.test.*} is the test
	 * client's ({@code WampTestClientProperties} of wamp-spring-boot-test).
	 */
	private static final List<ConfigurationPropertyName> OTHER_OWNERS = List
		.of(ConfigurationPropertyName.of("wamp.test"));

	private WampUnknownPropertyCheck() {
	}

	/**
	 * Check the names of the environment.
	 * @param environment the environment
	 * @throws WampConfigurationException naming the first unknown property and its
	 * nearest valid name, and listing the others
	 */
	static void check(Environment environment) {
		// the embedded router's properties are a class of their own under wamp: each
		// class is bound under its prefix, and the names under the router's prefix are
		// left to its own binding
		Set<ConfigurationProperty> unknown = new TreeSet<>();
		unbound(environment, PREFIX, WampProperties.class).stream()
			.filter((property) -> !ROUTER_PREFIX.isAncestorOf(property.getName()))
			.filter((property) -> OTHER_OWNERS.stream().noneMatch((owner) -> owner.isAncestorOf(property.getName())))
			.forEach(unknown::add);
		unknown.addAll(unbound(environment, ROUTER_PREFIX.toString(), WampRouterProperties.class));
		if (!unknown.isEmpty()) {
			throw failure(unknown);
		}
	}

	private static Collection<ConfigurationProperty> unbound(Environment environment, String prefix, Class<?> type) {
		NoUnboundElementsBindHandler handler = new NoUnboundElementsBindHandler(
				new IgnoreTopLevelConverterNotFoundBindHandler(), WampUnknownPropertyCheck::isChecked);
		try {
			Binder.get(environment).bind(prefix, Bindable.of(type), handler);
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				return unbound.getUnboundProperties();
			}
			// any other binding failure is reported by the binding of the properties
			// bean itself
		}
		return Set.of();
	}

	private static boolean isChecked(ConfigurationPropertySource source) {
		return !(source.getUnderlyingSource() instanceof PropertySource<?> propertySource
				&& UNCHECKED_SOURCES.contains(propertySource.getName()));
	}

	private static WampConfigurationException failure(Collection<ConfigurationProperty> unbound) {
		List<Unknown> unknowns = unbound.stream().map((property) -> locate(property)).toList();
		Unknown first = unknowns.get(0);
		StringBuilder reason = new StringBuilder(first.reason());
		if (unknowns.size() > 1) {
			reason.append("; also unknown: ");
			for (int i = 1; i < unknowns.size(); i++) {
				reason.append((i > 1) ? ", " : "").append(unknowns.get(i).summary());
			}
		}
		return new WampConfigurationException(first.property(), reason.toString(), first.action());
	}

	/**
	 * Walk the name along the shape of {@link WampProperties} to the element that fits
	 * nothing.
	 */
	static Unknown locate(ConfigurationProperty property) {
		ConfigurationPropertyName name = property.getName();
		String origin = (property.getOrigin() != null) ? property.getOrigin().toString() : null;
		ResolvableType type = ResolvableType.forClass(WampProperties.class);
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			Class<?> raw = type.resolve(Object.class);
			if (Map.class.isAssignableFrom(raw)) {
				// this element is a key of the map
				type = type.asMap().getGeneric(1);
			}
			else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
				if (!name.isNumericIndex(i)) {
					break;
				}
				type = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			}
			else if (isValue(raw)) {
				String parent = original(name.chop(i));
				return new Unknown(
						original(name), origin, "'" + parent + "' takes a value, so '"
								+ name.getElement(i, Form.ORIGINAL) + "' under it is ignored",
						null, "Set " + parent + " itself, or remove " + name);
			}
			else {
				Map<String, ResolvableType> properties = properties(raw);
				String element = name.getElement(i, Form.UNIFORM);
				ResolvableType next = null;
				for (Map.Entry<String, ResolvableType> candidate : properties.entrySet()) {
					if (uniform(candidate.getKey()).equals(element)) {
						next = candidate.getValue();
					}
				}
				if (next == null) {
					return unknownElement(name, i, origin, properties.keySet());
				}
				type = next;
			}
		}
		// Boot left it unbound for another reason, such as an element of a list that a
		// source of higher precedence replaced
		return new Unknown(original(name), origin, "Spring Boot binds it to no property", null,
				"Remove " + name + ", or check its spelling against docs/configuration.md");
	}

	/**
	 * The name as it was written ({@code options.x_custom}, not Boot's uniform
	 * {@code options.xcustom}), so that the report can be found in the configuration.
	 */
	private static String original(ConfigurationPropertyName name) {
		StringBuilder original = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			String element = name.getElement(i, Form.ORIGINAL);
			if (name.isNumericIndex(i) || (i > 0 && isBracketed(name, i))) {
				original.append('[').append(element).append(']');
			}
			else {
				original.append((i > 0) ? "." : "").append(element);
			}
		}
		return original.toString();
	}

	// a map key written in brackets, such as registrations[com.example.echo]
	private static boolean isBracketed(ConfigurationPropertyName name, int index) {
		return name.getElement(index, Form.ORIGINAL).contains(".");
	}

	private static Unknown unknownElement(ConfigurationPropertyName name, int index, @Nullable String origin,
			Collection<String> candidates) {
		String element = name.getElement(index, Form.DASHED);
		String nearest = nearest(element, candidates);
		String parent = original(name.chop(index));
		String suggestion = null;
		if (nearest != null) {
			String head = original(name.chop(index + 1));
			suggestion = parent + "." + nearest + original(name).substring(head.length());
		}
		String where = (index == 1) ? "'wamp'" : "'" + parent + "'";
		String reason = "there is no property '" + name.getElement(index, Form.ORIGINAL) + "' in " + where
				+ ((suggestion != null) ? ", did you mean '" + nearest + "'?" : "");
		String action = ((suggestion != null) ? "Rename it to " + suggestion + ", or remove it."
				: "Remove it, or correct its name.") + " The properties of " + parent + " are: "
				+ String.join(", ", candidates);
		return new Unknown(original(name), origin, reason, suggestion, action);
	}

	/**
	 * The bindable properties of a class, by their dashed name, as Boot's JavaBean binder
	 * sees them.
	 */
	private static Map<String, ResolvableType> properties(Class<?> type) {
		Map<String, ResolvableType> properties = new TreeMap<>();
		if (type == WampProperties.class) {
			// bound on its own, but a property of wamp for the one who writes it
			properties.put(ROUTER_PREFIX.getLastElement(Form.DASHED),
					ResolvableType.forClass(WampRouterProperties.class));
		}
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
			// a nested object without a setter is bound through its getter
			if (descriptor.getWriteMethod() != null || !isValue(propertyType.resolve(Object.class))) {
				properties.put(DataObjectPropertyName.toDashedForm(descriptor.getName()), propertyType);
			}
		}
		return properties;
	}

	private static boolean isValue(Class<?> type) {
		return !Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type) && !type.isArray()
				&& ApplicationConversionService.getSharedInstance().canConvert(String.class, type);
	}

	private static String uniform(String dashed) {
		return dashed.replace("-", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * The candidate at the smallest edit distance, when it is close enough to be a typo.
	 */
	static @Nullable String nearest(String element, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(uniform(element), uniform(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int allowed = Math.max(2, Math.min(element.length(), (best != null) ? best.length() : 0) / 3);
		return (bestDistance <= allowed) ? best : null;
	}

	/**
	 * Optimal string alignment distance: insertions, deletions, substitutions,
	 * transpositions.
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/**
	 * An unknown property.
	 *
	 * @param property its name
	 * @param origin where it was set, or null
	 * @param reason why it is unknown
	 * @param suggestion the nearest valid name, or null
	 * @param action what to do
	 */
	record Unknown(String property, @Nullable String origin, String reason, @Nullable String suggestion,
			String action) {

		Unknown {
			if (origin != null) {
				reason = reason + " (set in " + origin + ")";
			}
		}

		String summary() {
			return this.property + ((this.suggestion != null) ? " (did you mean " + this.suggestion + "?)" : "");
		}

	}

}
