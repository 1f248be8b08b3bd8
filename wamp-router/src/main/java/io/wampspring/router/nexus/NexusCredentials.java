package io.wampspring.router.nexus;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.id.SecureRandoms;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.SessionRestriction;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.RouterLimits;
import org.jspecify.annotations.Nullable;

/**
 * The one-time passwords ({@code my.otp.*}) and API keys ({@code my.apikeys.*}) of one
 * realm, in memory. Both are tickets for their owner's authid: a client logs in with the
 * owner's authid and the plaintext key as its ticket ({@link NexusTicketAuthenticator})
 * and gets the role the owner had when the key was created.
 * <p>
 * The plaintext key is shown once, in the record that creation returns; the router keeps
 * only an HMAC-SHA256 of the authid and the key under a per-router secret (the record's
 * {@code key}). A one-time password works once and only until it expires; an API key
 * works until it expires or is deleted, and a session that logged in with it may only do
 * what its {@code permissions} allow.
 */
public final class NexusCredentials {

	/** The {@code authprovider} of a session that logged in with an API key. */
	public static final String APIKEY_PROVIDER = "apikey";

	/** The {@code authprovider} of a session that logged in with a one-time password. */
	public static final String OTP_PROVIDER = "otp";

	private static final int MAX_RULES = 100;

	private static final int MAX_DESCRIPTION = 1024;

	private static final Set<String> API_KEY_FIELDS = Set.of("description", "expires", "permissions");

	private final class ApiKey implements SessionRestriction {

		final String authid;

		final String role;

		final String uuid;

		final String hash;

		final String description;

		final @Nullable Instant expires;

		final ApiKeyRules rules;

		volatile boolean deleted;

		ApiKey(String authid, String role, String uuid, String hash, String description, @Nullable Instant expires,
				ApiKeyRules rules) {
			this.authid = authid;
			this.role = role;
			this.uuid = uuid;
			this.hash = hash;
			this.description = description;
			this.expires = expires;
			this.rules = rules;
		}

		boolean expired() {
			return this.expires != null && !NexusCredentials.this.clock.instant().isBefore(this.expires);
		}

		@Override
		public boolean isValid() {
			return !this.deleted && !expired();
		}

		@Override
		public boolean permits(Action action, String uri) {
			return this.rules.permits(action, uri);
		}

		Map<String, @Nullable Object> record(@Nullable String plaintext) {
			Map<String, @Nullable Object> record = new LinkedHashMap<>();
			record.put("plaintext_key", plaintext);
			record.put("description", this.description);
			record.put("expires", (this.expires != null) ? iso(this.expires) : null);
			record.put("permissions", this.rules.shown());
			record.put("uuid", this.uuid);
			record.put("key", this.hash);
			record.put("owner", this.authid);
			return record;
		}

	}

	private record Otp(String authid, String role, String uuid, String hash, String origin, Instant expires) {

		Map<String, @Nullable Object> record(@Nullable String plaintext) {
			Map<String, @Nullable Object> record = new LinkedHashMap<>();
			record.put("plaintext_key", plaintext);
			record.put("login", this.authid);
			record.put("uuid", this.uuid);
			record.put("origin", this.origin);
			record.put("expires", iso(this.expires));
			record.put("permissions", List.of());
			record.put("key", this.hash);
			record.put("owner", this.authid);
			return record;
		}

	}

	/** An authid's credentials, changed only inside {@link ConcurrentHashMap#compute}. */
	private static final class Owned {

		final List<ApiKey> apiKeys = new ArrayList<>();

		final List<Otp> otps = new ArrayList<>();

		boolean isEmpty() {
			return this.apiKeys.isEmpty() && this.otps.isEmpty();
		}

	}

	private final String realm;

	private final NexusSettings settings;

	private final Clock clock;

	private final byte[] secret;

	private final SecureRandom random = SecureRandoms.shared();

	private final ConcurrentHashMap<String, Owned> byAuthid = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, ApiKey> apiKeysByHash = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Otp> otpsByHash = new ConcurrentHashMap<>();

	/**
	 * Create the credentials of a realm.
	 * @param realm the realm name, for messages
	 * @param settings the lifetime of one-time passwords and the most keys per authid
	 * @param clock the clock expiry is measured with
	 */
	public NexusCredentials(String realm, NexusSettings settings, Clock clock) {
		this.realm = realm;
		this.settings = settings;
		this.clock = clock;
		this.secret = new byte[32];
		this.random.nextBytes(this.secret);
	}

	// One-time passwords

	/**
	 * Create a one-time password ({@code my.otp.create}).
	 * @param authid the owner
	 * @param role the role a login with it gets
	 * @param origin who asked, for the record (such as {@code john.doe@websocket})
	 * @return the record, with the plaintext key
	 * @throws WampException {@code wamp.error.limit_exceeded} when the owner holds the
	 * most unused one-time passwords
	 */
	public Map<String, @Nullable Object> createOtp(String authid, String role, String origin) {
		String plaintext = newPlaintext();
		Otp otp = new Otp(authid, role, NexusIds.newUuid(), hash(authid, plaintext), origin,
				this.clock.instant().plus(this.settings.otpLifetime()));
		this.byAuthid.compute(authid, (key, existing) -> {
			Owned owned = (existing != null) ? existing : new Owned();
			removeExpiredOtps(owned);
			if (owned.otps.size() >= this.settings.otpMaxPerAuthid()) {
				throw new WampException(RouterLimits.LIMIT_EXCEEDED,
						"authid '" + authid + "' already holds " + owned.otps.size()
								+ " unused one-time passwords, the most allowed; delete one or let them expire");
			}
			owned.otps.add(otp);
			this.otpsByHash.put(otp.hash(), otp);
			return owned;
		});
		return otp.record(plaintext);
	}

	/**
	 * The unused one-time passwords of an authid ({@code my.otp.list}), without their
	 * plaintext.
	 * @param authid the owner
	 * @return the records
	 */
	public List<Map<String, @Nullable Object>> listOtps(String authid) {
		List<Map<String, @Nullable Object>> records = new ArrayList<>();
		this.byAuthid.computeIfPresent(authid, (key, owned) -> {
			removeExpiredOtps(owned);
			owned.otps.forEach((otp) -> records.add(otp.record(null)));
			return owned.isEmpty() ? null : owned;
		});
		return records;
	}

	/**
	 * Delete a one-time password ({@code my.otp.delete}).
	 * @param authid the owner
	 * @param id its {@code uuid} or {@code key}
	 * @return whether one was deleted
	 */
	public boolean deleteOtp(String authid, String id) {
		return deleteOwned(authid, (owned) -> owned.otps, (otp) -> otp.uuid().equals(id) || otp.hash().equals(id),
				(otp) -> this.otpsByHash.remove(otp.hash()));
	}

	private void removeExpiredOtps(Owned owned) {
		Instant now = this.clock.instant();
		removeAll(owned.otps, (otp) -> !now.isBefore(otp.expires()), (otp) -> this.otpsByHash.remove(otp.hash()));
	}

	/** Remove an authid's items that match, forgetting each; whether any was removed. */
	private <T> boolean deleteOwned(String authid, Function<Owned, List<T>> items, Predicate<T> match,
			Consumer<T> forget) {
		boolean[] deleted = new boolean[1];
		this.byAuthid.computeIfPresent(authid, (key, owned) -> {
			deleted[0] = removeAll(items.apply(owned), match, forget) > 0;
			return owned.isEmpty() ? null : owned;
		});
		return deleted[0];
	}

	private static <T> int removeAll(List<T> items, Predicate<T> match, Consumer<T> forget) {
		int before = items.size();
		items.removeIf((item) -> {
			if (match.test(item)) {
				forget.accept(item);
				return true;
			}
			return false;
		});
		return before - items.size();
	}

	// API keys

	/**
	 * Create an API key ({@code my.apikeys.create}).
	 * @param authid the owner
	 * @param role the role a login with it gets
	 * @param values the data record: {@code description}, {@code expires} (ISO-8601 with
	 * a zone), {@code permissions}; may be null
	 * @return the record, with the plaintext key
	 * @throws WampException {@code wamp.error.invalid_argument} for a value the router
	 * cannot use, {@code wamp.error.limit_exceeded} when the owner holds the most keys
	 */
	public Map<String, @Nullable Object> createApiKey(String authid, String role, @Nullable Object values) {
		Map<?, ?> data = (values == null) ? Map.of() : (values instanceof Map<?, ?> map) ? map : null;
		if (data == null) {
			throw invalid("the API key's values must be a dictionary such as {\"description\": \"ci\", "
					+ "\"expires\": \"2030-01-01T00:00:00Z\", \"permissions\": [{\"uri\": \"com.example.*\", \"perms\": \"c\"}]}");
		}
		for (Object field : data.keySet()) {
			if (!API_KEY_FIELDS.contains(String.valueOf(field))) {
				throw invalid("unknown API key field '" + field + "': use description, expires, permissions");
			}
		}
		Object description = data.get("description");
		if (description != null && (!(description instanceof String text) || text.length() > MAX_DESCRIPTION)) {
			throw invalid("description must be a text of at most " + MAX_DESCRIPTION + " characters");
		}
		Instant expires = expires(data.get("expires"));
		ApiKeyRules rules = ApiKeyRules.parse(data.get("permissions"), MAX_RULES);
		String plaintext = newPlaintext();
		ApiKey key = new ApiKey(authid, role, NexusIds.newUuid(), hash(authid, plaintext),
				(description != null) ? (String) description : "", expires, rules);
		this.byAuthid.compute(authid, (k, existing) -> {
			Owned owned = (existing != null) ? existing : new Owned();
			if (owned.apiKeys.size() >= this.settings.apiKeysMaxPerAuthid()) {
				throw new WampException(RouterLimits.LIMIT_EXCEEDED, "authid '" + authid + "' already holds "
						+ owned.apiKeys.size() + " API keys, the most allowed; delete one first");
			}
			owned.apiKeys.add(key);
			this.apiKeysByHash.put(key.hash, key);
			return owned;
		});
		return key.record(plaintext);
	}

	private @Nullable Instant expires(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw invalid("expires must be an ISO-8601 time with a zone, such as 2030-01-01T00:00:00Z");
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			try {
				LocalDateTime.parse(text);
				throw invalid("expires '" + text + "' has no zone: add one, such as Z or -07:00");
			}
			catch (DateTimeException notLocal) {
				throw invalid("expires '" + text + "' is not an ISO-8601 time such as 2030-01-01T00:00:00Z");
			}
		}
		if (!instant.isAfter(this.clock.instant())) {
			throw invalid("expires '" + text + "' is not in the future");
		}
		return instant;
	}

	/**
	 * The API keys of an authid ({@code my.apikeys.list}), without their plaintext.
	 * @param authid the owner
	 * @return the records, expired keys included
	 */
	public List<Map<String, @Nullable Object>> listApiKeys(String authid) {
		List<Map<String, @Nullable Object>> records = new ArrayList<>();
		this.byAuthid.computeIfPresent(authid, (key, owned) -> {
			owned.apiKeys.forEach((apiKey) -> records.add(apiKey.record(null)));
			return owned;
		});
		return records;
	}

	/**
	 * Delete an API key ({@code my.apikeys.delete}); sessions that logged in with it may
	 * do nothing more.
	 * @param authid the owner
	 * @param id its {@code uuid} or {@code key}
	 * @return whether one was deleted
	 */
	public boolean deleteApiKey(String authid, String id) {
		return deleteOwned(authid, (owned) -> owned.apiKeys,
				(apiKey) -> apiKey.uuid.equals(id) || apiKey.hash.equals(id), (apiKey) -> {
					apiKey.deleted = true;
					this.apiKeysByHash.remove(apiKey.hash);
				});
	}

	// Login

	/**
	 * Whether an authid holds an API key or an unused one-time password.
	 * @param authid the authid
	 * @return true when a ticket login may be one of these
	 */
	public boolean knows(String authid) {
		return this.byAuthid.containsKey(authid);
	}

	/**
	 * Check a ticket against the authid's API keys and one-time passwords. A one-time
	 * password is used up by the check.
	 * @param authid the authid the client announced
	 * @param ticket the ticket; never logged
	 * @return the decision to admit the client (restricted for an API key with
	 * permissions), or null when the ticket is none of them (or expired)
	 */
	public AuthDecision.@Nullable Accept login(String authid, String ticket) {
		String hash = hash(authid, ticket);
		ApiKey key = this.apiKeysByHash.get(hash);
		if (key != null && key.authid.equals(authid) && key.isValid()) {
			return new AuthDecision.Accept(authid, key.role, APIKEY_PROVIDER, Map.of()).restrictedTo(key);
		}
		Otp otp = this.otpsByHash.get(hash);
		if (otp != null && otp.authid().equals(authid) && this.otpsByHash.remove(hash, otp)) {
			// used once: whoever removed it first logs in
			this.byAuthid.computeIfPresent(authid, (k, owned) -> {
				owned.otps.remove(otp);
				return owned.isEmpty() ? null : owned;
			});
			if (this.clock.instant().isBefore(otp.expires())) {
				return new AuthDecision.Accept(authid, otp.role(), OTP_PROVIDER, Map.of());
			}
		}
		return null;
	}

	/**
	 * Forget the one-time passwords that expired; the router calls it periodically, so
	 * that unused ones do not pile up.
	 */
	public void removeExpired() {
		for (String authid : List.copyOf(this.byAuthid.keySet())) {
			this.byAuthid.computeIfPresent(authid, (key, owned) -> {
				removeExpiredOtps(owned);
				return owned.isEmpty() ? null : owned;
			});
		}
	}

	/**
	 * The number of unused one-time passwords and API keys held now.
	 * @return the count
	 */
	public int size() {
		return this.otpsByHash.size() + this.apiKeysByHash.size();
	}

	private String newPlaintext() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String hash(String authid, String plaintext) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			mac.update(authid.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String iso(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private WampException invalid(String message) {
		return new WampException(WampUris.INVALID_ARGUMENT, message);
	}

	@Override
	public String toString() {
		return "NexusCredentials[realm=" + this.realm + ", " + size() + " held]";
	}

}
