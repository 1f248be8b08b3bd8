package io.wampspring.router.realm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.SessionIdentity;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.nexus.MetadataStore;
import io.wampspring.router.nexus.NexusCredentials;
import org.jspecify.annotations.Nullable;

/**
 * The services that Zaber's Nexus router offers and izaber clients call, under a
 * configurable prefix, answered in Nexus's shapes: {@code auth.whoami};
 * {@code system.roster.register/query/unregister} ({@link RosterService});
 * {@code my.metadata.set/get/list/delete} ({@link MetadataService});
 * {@code my.otp.create/list/delete} and {@code my.apikeys.create/list/delete}
 * ({@link NexusCredentials}). A session needs its role's permission to call each of them,
 * like any procedure; they act only on the caller's own data.
 */
final class NexusServices {

	private final RosterService rosters;

	private final MetadataService metadata;

	private final NexusCredentials credentials;

	NexusServices(Realm realm, NexusSettings settings, MetadataStore store) {
		this.rosters = new RosterService(settings);
		this.metadata = new MetadataService(realm.name(), settings, store);
		this.credentials = realm.credentials;
		realm.addInternal(settings.uri("auth.whoami"), (caller, args, kwargs) -> List.of(whoami(caller)));
		realm.addInternal(settings.uri("system.roster.register"), this.rosters::register);
		realm.addInternal(settings.uri("system.roster.query"),
				(caller, args, kwargs) -> this.rosters.query(caller, args));
		realm.addInternal(settings.uri("system.roster.unregister"),
				(caller, args, kwargs) -> this.rosters.unregister(caller, args));
		realm.addAsyncInternal(settings.uri("my.metadata.set"),
				(caller, args, kwargs) -> this.metadata.set(caller, args));
		realm.addAsyncInternal(settings.uri("my.metadata.get"),
				(caller, args, kwargs) -> this.metadata.get(caller, args));
		realm.addAsyncInternal(settings.uri("my.metadata.list"),
				(caller, args, kwargs) -> this.metadata.list(caller, args));
		realm.addAsyncInternal(settings.uri("my.metadata.delete"),
				(caller, args, kwargs) -> this.metadata.delete(caller, args));
		realm.addInternal(settings.uri("my.otp.create"), this::otpCreate);
		realm.addInternal(settings.uri("my.otp.list"),
				(caller, args, kwargs) -> List.of(this.credentials.listOtps(authid(caller))));
		realm.addInternal(settings.uri("my.otp.delete"), (caller, args, kwargs) -> List
			.of(this.credentials.deleteOtp(authid(caller), stringArg(args, 0, "one-time password's uuid"))));
		realm.addInternal(settings.uri("my.apikeys.create"), (caller, args, kwargs) -> {
			SessionIdentity who = primaryLogin(caller, "API keys");
			return List
				.of(this.credentials.createApiKey(who.authid(), who.authrole(), args.isEmpty() ? null : args.get(0)));
		});
		realm.addInternal(settings.uri("my.apikeys.list"),
				(caller, args, kwargs) -> List.of(this.credentials.listApiKeys(authid(caller))));
		realm.addInternal(settings.uri("my.apikeys.delete"), (caller, args, kwargs) -> List
			.of(this.credentials.deleteApiKey(authid(caller), stringArg(args, 0, "API key's uuid"))));
	}

	void sessionJoined(RouterSession session) {
		this.metadata.sessionJoined(session);
	}

	void sessionLeft(RouterSession session) {
		this.rosters.sessionLeft(session);
		this.metadata.sessionLeft(session);
	}

	private List<@Nullable Object> otpCreate(RouterSession caller, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) {
		if (!args.isEmpty() || !kwargs.isEmpty()) {
			throw new WampException(WampUris.INVALID_ARGUMENT,
					"my.otp.create takes no arguments: a one-time password lives for the router's OTP lifetime");
		}
		SessionIdentity who = primaryLogin(caller, "one-time passwords");
		return List.of(this.credentials.createOtp(who.authid(), who.authrole(), who.authid() + "@" + who.transport()));
	}

	/**
	 * The caller's identity, when it logged in with its own credentials: one-time
	 * passwords and API keys are created only by such a session, never by one that logged
	 * in with a one-time password or an API key (a restricted key could otherwise make
	 * itself an unrestricted one), nor by an anonymous session.
	 */
	private static SessionIdentity primaryLogin(RouterSession caller, String what) {
		SessionIdentity who = caller.requireIdentity();
		if (AnonymousAuthenticator.METHOD.equals(who.authmethod())) {
			throw new WampException(WampUris.NOT_AUTHORIZED, "an anonymous session cannot create " + what);
		}
		if (NexusCredentials.OTP_PROVIDER.equals(who.authprovider())
				|| NexusCredentials.APIKEY_PROVIDER.equals(who.authprovider())) {
			throw new WampException(WampUris.NOT_AUTHORIZED, "a session that logged in with "
					+ (NexusCredentials.OTP_PROVIDER.equals(who.authprovider()) ? "a one-time password" : "an API key")
					+ " cannot create " + what + "; log in with your password");
		}
		return who;
	}

	private static Map<String, Object> whoami(RouterSession caller) {
		SessionIdentity who = caller.requireIdentity();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("authid", who.authid());
		result.put("role", who.authrole());
		result.put("authrole", who.authrole());
		result.put("authmethod", who.authmethod());
		result.put("authprovider", who.authprovider());
		result.put("session", who.session());
		result.put("realm", who.realm());
		return result;
	}

	private static String authid(RouterSession caller) {
		return caller.requireIdentity().authid();
	}

	static String stringArg(List<@Nullable Object> args, int index, String what) {
		if (args.size() <= index || !(args.get(index) instanceof String value) || value.isEmpty()) {
			throw new WampException(WampUris.INVALID_ARGUMENT, "expected the " + what + " as argument " + (index + 1));
		}
		return value;
	}

}
