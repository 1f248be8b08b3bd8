package io.wampspring.boot.autoconfigure;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Finds map keys with dots that were written without brackets. Spring Boot reads a key
 * such as {@code users.john.doe.secret} as the path {@code john} / {@code doe} /
 * {@code secret}: its binder (checked with Boot 4.1.1) then drops the entry without a
 * word, so a user or a handler declared in configuration would be missing at run time.
 * Such keys must be written in brackets: {@code users[john.doe].secret}, in YAML
 * {@code "[john.doe]":}.
 */
public final class WampMapKeyCheck {

	private static final ConfigurationPropertyName REALMS = ConfigurationPropertyName
		.of(WampRouterProperties.PREFIX + ".realms");

	private static final ConfigurationPropertyName PEERS = ConfigurationPropertyName.of("wamp.peers");

	private WampMapKeyCheck() {
	}

	/**
	 * Check the users of the embedded router's realms
	 * ({@code wamp.embedded-router.realms.*.users}).
	 * @param environment the environment whose property sources are read
	 * @param properties the bound properties
	 * @throws WampConfigurationException naming the property and its bracketed form when
	 * a key was dropped
	 */
	public static void checkRealmUsers(Environment environment, WampRouterProperties properties) {
		Map<String, WampRouterProperties.Realm> realms = properties.getRealms();
		forEachName(environment, REALMS, (name) -> {
			// wamp.embedded-router.realms.<realm>.users.<key>...
			int base = REALMS.getNumberOfElements();
			if (name.getNumberOfElements() < base + 4 || !"users".equals(name.getElement(base + 1, Form.UNIFORM))) {
				return;
			}
			// a realm that only had the dropped user is dropped too
			WampRouterProperties.Realm realm = find(realms, name.getElement(base, Form.ORIGINAL));
			check(name, base + 2, (realm != null) ? realm.getUsers().keySet() : Set.of(),
					"wamp.embedded-router.realms." + name.getElement(base, Form.ORIGINAL) + ".users", "user",
					"an authid");
		});
	}

	/**
	 * Check the registrations and subscriptions declared under {@code wamp.peers}.
	 * @param environment the environment whose property sources are read
	 * @param properties the bound properties
	 * @throws WampConfigurationException naming the property and its bracketed form when
	 * a key was dropped
	 */
	public static void checkPeerHandlers(Environment environment, WampProperties properties) {
		forEachName(environment, PEERS, (name) -> {
			// wamp.peers.<peer>.roles.<callee|subscriber>.<registrations|subscriptions>.<key>...
			int base = PEERS.getNumberOfElements();
			if (name.getNumberOfElements() < base + 6 || !"roles".equals(name.getElement(base + 1, Form.UNIFORM))) {
				return;
			}
			// a peer that only had the dropped entry is dropped too
			WampProperties.Peer peer = find(properties.getPeers(), name.getElement(base, Form.ORIGINAL));
			WampProperties.Roles roles = (peer != null) ? peer.getRoles() : new WampProperties.Roles();
			String role = name.getElement(base + 2, Form.UNIFORM);
			String map = name.getElement(base + 3, Form.UNIFORM);
			String prefix = "wamp.peers." + name.getElement(base, Form.ORIGINAL) + ".roles.";
			if ("callee".equals(role) && "registrations".equals(map)) {
				check(name, base + 4, roles.getCallee().getRegistrations().keySet(), prefix + "callee.registrations",
						"registration", "a procedure URI");
			}
			else if ("subscriber".equals(role) && "subscriptions".equals(map)) {
				check(name, base + 4, roles.getSubscriber().getSubscriptions().keySet(),
						prefix + "subscriber.subscriptions", "subscription", "a topic URI");
			}
		});
	}

	private static void forEachName(Environment environment, ConfigurationPropertyName root,
			Consumer<ConfigurationPropertyName> action) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(root::isAncestorOf).forEach(action);
			}
		}
	}

	private static <T> @Nullable T find(Map<String, T> map, String key) {
		T value = map.get(key);
		if (value != null) {
			return value;
		}
		for (Map.Entry<String, T> entry : map.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static void check(ConfigurationPropertyName name, int keyIndex, Collection<String> boundKeys,
			String mapProperty, String what, String kind) {
		String key = name.getElement(keyIndex, Form.ORIGINAL);
		for (String bound : boundKeys) {
			if (bound.equalsIgnoreCase(key)) {
				return;
			}
		}
		int keyElements = keyElements(name, keyIndex);
		if (keyElements < 2) {
			// one element: the key was read whole, the entry was dropped for a wrong
			// property name, which WampUnknownPropertyCheck reports
			return;
		}
		String dotted = guessKey(name, keyIndex, keyElements);
		String property = name.toString();
		throw new WampConfigurationException(property,
				"the " + what + " key reads as several names (" + dotted + "), so Spring Boot dropped the " + what,
				"Write " + kind + " with dots in brackets: " + mapProperty + "[" + dotted + "], in YAML \"[" + dotted
						+ "]\":");
	}

	// the key is everything up to the property of the entry (secret, handler,
	// options.match, ...)
	private static int keyElements(ConfigurationPropertyName name, int keyIndex) {
		int end = name.getNumberOfElements();
		for (int i = keyIndex + 1; i < name.getNumberOfElements(); i++) {
			if ("options".equals(name.getElement(i, Form.UNIFORM))) {
				end = i;
				break;
			}
		}
		if (end == name.getNumberOfElements()) {
			while (end > keyIndex + 1 && name.isNumericIndex(end - 1)) {
				end--;
			}
			end = Math.max(keyIndex + 1, end - 1);
		}
		return end - keyIndex;
	}

	private static String guessKey(ConfigurationPropertyName name, int keyIndex, int keyElements) {
		StringBuilder key = new StringBuilder();
		for (int i = keyIndex; i < keyIndex + keyElements; i++) {
			if (key.length() > 0) {
				key.append('.');
			}
			key.append(name.getElement(i, Form.ORIGINAL));
		}
		return key.toString();
	}

}
