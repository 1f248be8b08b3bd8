package io.wampspring.boot.autoconfigure.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wampspring.boot.autoconfigure.WampConfigurationException;
import io.wampspring.core.auth.Scram;
import io.wampspring.core.auth.ScramCredential;
import io.wampspring.core.auth.ScramKdf;
import io.wampspring.core.auth.ScramVariant;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.config.EventHistory;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.Role;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.config.User;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.nexus.MetadataStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;

/**
 * Builds the embedded {@link WampRouter} from {@code wamp.embedded-router.*}, with
 * messages that name the property at fault.
 */
final class EmbeddedRouterFactory {

	private EmbeddedRouterFactory() {
	}

	/**
	 * Build the router.
	 * @param properties the router's properties
	 * @param metadataStore where {@code my.metadata.*} values are kept
	 * @param beans where a realm's Spring Security ticket check finds its bean, or null
	 * when there are no beans
	 * @return the router, not started
	 */
	static WampRouter create(WampRouterProperties properties, MetadataStore metadataStore,
			@Nullable BeanFactory beans) {
		WampRouter.Builder builder = WampRouter.builder();
		builder.nexus(nexus(properties.getNexus()));
		builder.metadataStore(metadataStore);
		builder.preciseAuthenticationErrors(properties.getAuthentication().isPreciseErrors());
		builder.realms(realms(properties, beans));
		String prefix = "wamp.embedded-router.";
		if (properties.getPort() >= 0) {
			if (properties.getPort() > 65535) {
				throw new WampConfigurationException(prefix + "port",
						"must be in 0..65535, got " + properties.getPort(),
						"Set a free port, 0 to pick one, or -1 for no WebSocket listener");
			}
			builder.webSocket(properties.getHost(), properties.getPort(), properties.getPath());
		}
		Integer rawSocketPort = properties.getRawSocketPort();
		if (rawSocketPort != null) {
			if (rawSocketPort < 0 || rawSocketPort > 65535) {
				throw new WampConfigurationException(prefix + "raw-socket-port",
						"must be in 0..65535, got " + rawSocketPort, "Set a free port, or 0 to pick one");
			}
			builder.rawSocket(properties.getHost(), rawSocketPort);
		}
		return builder.limits(limits(properties.getLimits())).build();
	}

	private static RouterLimits limits(WampRouterProperties.Limits limits) {
		String prefix = "wamp.embedded-router.limits.";
		long messageSize = limits.getMaxMessageSize().toBytes();
		if (messageSize > Integer.MAX_VALUE) {
			throw new WampConfigurationException(prefix + "max-message-size",
					"must be below 2GB, got " + limits.getMaxMessageSize(), "Set a size such as 16MB");
		}
		try {
			return RouterLimits.builder()
				.maxMessageSize((int) messageSize)
				.maxIncompleteMessageBytes(limits.getMaxIncompleteMessageBytes().toBytes())
				.maxOutboundBytesPerSession(limits.getMaxOutboundBytesPerSession().toBytes())
				.maxProgressiveBacklogBytes(limits.getMaxProgressiveBacklog().toBytes())
				.maxPendingCallsPerSession(limits.getMaxPendingCallsPerSession())
				.maxRegistrationsPerSession(limits.getMaxRegistrationsPerSession())
				.maxSubscriptionsPerSession(limits.getMaxSubscriptionsPerSession())
				.openTimeout(limits.getOpenTimeout())
				.helloTimeout(limits.getHelloTimeout())
				.authenticateTimeout(limits.getAuthenticateTimeout())
				.keepAliveInterval(limits.getKeepAliveInterval())
				.keepAliveTimeout(limits.getKeepAliveTimeout())
				.build();
		}
		catch (IllegalArgumentException ex) {
			// RouterLimits names the value first, such as "helloTimeout must be positive,
			// got PT0S".
			String message = String.valueOf(ex.getMessage());
			String field = message.split(" ", 2)[0];
			String property = field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			throw new WampConfigurationException(prefix + property, message.substring(field.length()).trim(),
					"Change " + prefix + property + ", or remove it to use the default");
		}
	}

	static InMemoryMetadataStore inMemoryMetadataStore(WampRouterProperties properties) {
		return new InMemoryMetadataStore(positive("wamp.embedded-router.nexus.metadata.max-total-bytes",
				properties.getNexus().getMetadata().getMaxTotalBytes().toBytes()));
	}

	private static NexusSettings nexus(WampRouterProperties.Nexus nexus) {
		String prefix = "wamp.embedded-router.nexus.";
		return NexusSettings.builder()
			.prefix(nexus.getPrefix())
			.metadataMaxEntries((int) positive(prefix + "metadata.max-entries", nexus.getMetadata().getMaxEntries()))
			.metadataMaxBytes(positive(prefix + "metadata.max-bytes", nexus.getMetadata().getMaxBytes().toBytes()))
			.rosterMaxEntriesPerSession((int) positive(prefix + "roster.max-entries-per-session",
					nexus.getRoster().getMaxEntriesPerSession()))
			.rosterMaxEntryBytes(
					positive(prefix + "roster.max-entry-size", nexus.getRoster().getMaxEntrySize().toBytes()))
			.otpLifetime(positive(prefix + "otp.lifetime", nexus.getOtp().getLifetime()))
			.otpMaxPerAuthid((int) positive(prefix + "otp.max-per-authid", nexus.getOtp().getMaxPerAuthid()))
			.apiKeysMaxPerAuthid(
					(int) positive(prefix + "apikeys.max-per-authid", nexus.getApikeys().getMaxPerAuthid()))
			.storeTimeout(positive(prefix + "store-timeout", nexus.getStoreTimeout()))
			.build();
	}

	private static long positive(String property, long value) {
		if (value < 1) {
			throw new WampConfigurationException(property, "must be at least 1, got " + value,
					"Set a positive value, or leave the property out for its default");
		}
		return value;
	}

	private static Duration positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new WampConfigurationException(property, "must be positive, got " + value,
					"Set a positive duration such as 10s, or leave the property out for its default");
		}
		return value;
	}

	/**
	 * The realms of the properties: an open {@code realm1} when none is configured.
	 * @param properties the router's properties
	 * @param beans where a realm's Spring Security ticket check finds its bean, or null
	 * when there are no beans
	 * @return the realms
	 * @throws WampConfigurationException naming the property that is wrong
	 */
	static List<RealmConfig> realms(WampRouterProperties properties, @Nullable BeanFactory beans) {
		if (properties.getRealms().isEmpty()) {
			return List.of(RealmConfig.open("realm1"));
		}
		List<RealmConfig> realms = new ArrayList<>();
		properties.getRealms().forEach((name, realm) -> realms.add(realm(name, realm, beans)));
		return realms;
	}

	private static RealmConfig realm(String name, WampRouterProperties.Realm realm, @Nullable BeanFactory beans) {
		String prefix = "wamp.embedded-router.realms." + name + ".";
		RealmConfig.Builder builder = RealmConfig.builder(name).anonymousRole(realm.getAnonymousRole());
		if (realm.getAnonymous() != null) {
			builder.anonymous(realm.getAnonymous());
		}
		realm.getRoles().forEach((roleName, role) -> builder.role(role(prefix + "roles." + roleName, roleName, role)));
		realm.getUsers().forEach((authid, user) -> builder.user(user(prefix + "users." + authid, authid, user)));
		if (realm.getMaxRetainedTopics() < 0) {
			throw new WampConfigurationException(prefix + "max-retained-topics",
					"must be 0 or more, got " + realm.getMaxRetainedTopics(),
					"Set how many topics may have a retained event, or 0 to disable retention");
		}
		builder.maxRetainedTopics(realm.getMaxRetainedTopics());
		for (int i = 0; i < realm.getEventHistory().size(); i++) {
			builder.eventHistory(eventHistory(prefix + "event-history[" + i + "]", realm.getEventHistory().get(i)));
		}
		for (Map.Entry<String, WampRouterProperties.RealmUser> user : realm.getUsers().entrySet()) {
			String role = user.getValue().getRole();
			if (!realm.getRoles().isEmpty() && !realm.getRoles().containsKey(role)) {
				throw new WampConfigurationException(prefix + "users." + user.getKey() + ".role",
						"there is no role named '" + role + "' in realm '" + name + "'",
						"Use one of " + realm.getRoles().keySet() + ", or add " + prefix + "roles." + role);
			}
		}
		TicketAuthenticator delegate = RealmTicketDelegates.authenticator(prefix, name, realm, beans);
		if (delegate != null) {
			builder.authenticator(delegate);
		}
		return builder.build();
	}

	private static EventHistory eventHistory(String property, WampRouterProperties.EventHistoryRule rule) {
		if (rule.getUri().isBlank()) {
			throw new WampConfigurationException(property + ".uri", "the topic of an event history is empty",
					"Set the topic (or pattern) whose events to keep, such as com.example.onadd");
		}
		MatchPolicy match = match(property + ".match", rule.getMatch());
		try {
			return new EventHistory(rule.getUri(), match, rule.getLimit());
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(property + ".limit", ex.getMessage(),
					"Keep between 1 and " + EventHistory.MAX_LIMIT + " events");
		}
	}

	private static MatchPolicy match(String property, String value) {
		try {
			return MatchPolicy.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new WampConfigurationException(property, "unknown match policy '" + value + "'",
					"Use exact, prefix or wildcard");
		}
	}

	private static Role role(String prefix, String name, WampRouterProperties.RealmRole role) {
		Permission[] permissions = new Permission[role.getPermissions().size()];
		for (int i = 0; i < permissions.length; i++) {
			WampRouterProperties.PermissionRule rule = role.getPermissions().get(i);
			String property = prefix + ".permissions[" + i + "]";
			MatchPolicy match = match(property + ".match", rule.getMatch());
			try {
				permissions[i] = Permission.of(rule.getUri(), match, rule.getAllow())
					.withDisclosure(rule.isDiscloseCaller(), rule.isDisclosePublisher())
					.withRetain(rule.isRetain());
			}
			catch (IllegalArgumentException ex) {
				throw new WampConfigurationException(property + ".allow", ex.getMessage(),
						"Write the allowed actions as letters: c (call), r (register), p (publish), s (subscribe)");
			}
		}
		Integer trustlevel = role.getTrustlevel();
		if (trustlevel != null && trustlevel < 0) {
			throw new WampConfigurationException(prefix + ".trustlevel", "must be 0 or more, got " + trustlevel,
					"Set a trust level of 0 (lowest) or more, or leave it out to disclose none");
		}
		return Role.of(name, permissions).withTrustlevel(trustlevel);
	}

	private static User user(String prefix, String authid, WampRouterProperties.RealmUser properties) {
		WampConfigurationException.rejectUnresolvedPlaceholder(prefix + ".secret", properties.getSecret());
		WampConfigurationException.rejectUnresolvedPlaceholder(prefix + ".scram-password",
				properties.getScramPassword());
		User user = new User(authid, properties.getRole(), properties.getSecret());
		if (properties.getSalt() != null) {
			if (properties.getSecret() == null) {
				throw new WampConfigurationException(prefix + ".secret", "a salted WAMP-CRA user needs its derived key",
						"Set " + prefix + ".secret to the key derived from the password and the salt");
			}
			user = user.withSalt(properties.getSalt(), properties.getIterations(), properties.getKeylen());
		}
		for (String key : properties.getPublicKeys()) {
			if (!key.matches("[0-9a-fA-F]{64}")) {
				throw new WampConfigurationException(prefix + ".public-keys",
						"a cryptosign public key must be 64 hex digits, got " + key.length() + " characters",
						"Give each Ed25519 public key as 64 hex digits");
			}
		}
		if (!properties.getPublicKeys().isEmpty()) {
			user = user.withPublicKeys(properties.getPublicKeys().toArray(new String[0]));
		}
		if (properties.getScramPassword() != null) {
			if (properties.getScramIterations() < 1000) {
				throw new WampConfigurationException(prefix + ".scram-iterations",
						"must be at least 1000, got " + properties.getScramIterations(), "Set 4096 or more");
			}
			// Method "scram", as Crossbar.io and Autobahn name it (the variant the client
			// picks for "scram").
			user = user.withScram(ScramCredential.derive(ScramVariant.AUTOBAHN, ScramKdf.PBKDF2,
					properties.getScramPassword(), Scram.newSalt(), properties.getScramIterations(), 0));
		}
		return user;
	}

}
