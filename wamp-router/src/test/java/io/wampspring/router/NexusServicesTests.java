package io.wampspring.router;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import io.wampspring.core.message.Yield;
import io.wampspring.router.auth.Action;
import io.wampspring.router.config.NexusSettings;
import io.wampspring.router.config.Permission;
import io.wampspring.router.config.RealmConfig;
import io.wampspring.router.config.RouterLimits;
import io.wampspring.router.nexus.InMemoryMetadataStore;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * The Nexus-style services on a realm with roles: each needs its permission, roster
 * entries are visible to their role by default, metadata is bounded per authid and an
 * anonymous authid's is dropped when it leaves, one-time passwords work once, API keys
 * log in for their owner and are limited to their permissions.
 */
class NexusServicesTests {

	private static final int METADATA_MAX_BYTES = 4096;

	private static final InMemoryMetadataStore store = new InMemoryMetadataStore();

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("nexus")
			.anonymous(true)
			.user("john.doe", "backend", "john-secret")
			.user("joe", "frontend", "joe-secret")
			.user("rita", "restricted", "rita-secret")
			.role("backend", Permission.prefix("", Action.CALL, Action.REGISTER, Action.PUBLISH, Action.SUBSCRIBE))
			.role("frontend", Permission.prefix("com.example.", Action.CALL),
					Permission.exact("auth.whoami", Action.CALL), Permission.prefix("system.roster.", Action.CALL),
					Permission.prefix("my.", Action.CALL))
			.role("anonymous", Permission.exact("auth.whoami", Action.CALL),
					Permission.exact("system.roster.query", Action.CALL),
					Permission.prefix("my.metadata.", Action.CALL))
			.role("restricted", Permission.prefix("com.example.", Action.CALL))
			.build())
		.nexus(NexusSettings.builder()
			.metadataMaxEntries(8)
			.metadataMaxBytes(METADATA_MAX_BYTES)
			.rosterMaxEntriesPerSession(3)
			.rosterMaxEntryBytes(1024)
			.build())
		.metadataStore(store)
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	@RegisterExtension
	static final RouterFixture shortLived = new RouterFixture(() -> WampRouter.builder()
		.realm(RealmConfig.builder("nexus").user("john.doe", "backend", "john-secret").build())
		.nexus(NexusSettings.builder().otpLifetime(Duration.ofMillis(300)).build())
		.webSocket("127.0.0.1", 0, "/ws")
		.build()
		.start());

	private static TestPeer login(RouterFixture router, String authid, String ticket) {
		TestPeer peer = router.connect();
		assertThat(peer.joinWithTicket("nexus", authid, ticket)).as(authid + " logs in").isInstanceOf(Welcome.class);
		return peer;
	}

	private static TestPeer anonymous() {
		TestPeer peer = fixture.connect();
		peer.join("nexus");
		return peer;
	}

	private static @Nullable Object result(TestPeer peer, String procedure, Object... args) {
		peer.call(procedure, Map.of(), args);
		WampMessage answer = peer.next();
		assertThat(answer).as(procedure + " answers " + answer).isInstanceOf(Result.class);
		List<@Nullable Object> results = ((Result) answer).args();
		return results.isEmpty() ? null : results.get(0);
	}

	private static ErrorMessage error(TestPeer peer, String procedure, Object... args) {
		peer.call(procedure, Map.of(), args);
		WampMessage answer = peer.next();
		assertThat(answer).as(procedure + " fails").isInstanceOf(ErrorMessage.class);
		return (ErrorMessage) answer;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> record(TestPeer peer, String procedure, Object... args) {
		return (Map<String, Object>) result(peer, procedure, args);
	}

	@Test
	void aRoleWithoutPermissionIsRefusedEveryService() {
		TestPeer rita = login(fixture, "rita", "rita-secret");
		for (String service : List.of("auth.whoami", "system.roster.register", "system.roster.query",
				"system.roster.unregister", "my.metadata.set", "my.metadata.get", "my.metadata.list",
				"my.metadata.delete", "my.otp.create", "my.otp.list", "my.apikeys.create", "my.apikeys.list",
				"my.apikeys.delete")) {
			assertThat(error(rita, service, "x").error()).as(service).isEqualTo(WampUris.NOT_AUTHORIZED);
		}
	}

	@Test
	void anAnonymousSessionCannotReadAnotherUsersRosterEntry() {
		TestPeer john = login(fixture, "john.doe", "john-secret");
		TestPeer joe = login(fixture, "joe", "joe-secret");
		TestPeer visitor = anonymous();
		// by default visible only to the registering role (backend)
		assertThat(record(john, "system.roster.register", "roster.private", Map.of("url", "http://john")))
			.containsEntry("visibility", List.of("backend"));
		assertThat(result(visitor, "system.roster.query", "roster.private")).asInstanceOf(LIST).isEmpty();
		assertThat(result(joe, "system.roster.query", "roster.private")).asInstanceOf(LIST).isEmpty();
		assertThat(result(john, "system.roster.query", "roster.private")).asInstanceOf(LIST)
			.containsExactly(Map.of("url", "http://john"));
		// unless the entry says otherwise
		result(john, "system.roster.register", "roster.ui", "for frontends", List.of("frontend"));
		assertThat(result(joe, "system.roster.query", "roster.ui")).asInstanceOf(LIST).containsExactly("for frontends");
		assertThat(result(visitor, "system.roster.query", "roster.ui")).asInstanceOf(LIST).isEmpty();
		result(john, "system.roster.register", "roster.public", "for all", "*");
		assertThat(result(visitor, "system.roster.query", "roster.public")).asInstanceOf(LIST)
			.containsExactly("for all");
		// and an anonymous session may not register at all
		assertThat(error(visitor, "system.roster.register", "roster.public", "spam").error())
			.isEqualTo(WampUris.NOT_AUTHORIZED);
	}

	@Test
	void rosterEntriesAreBoundedPerSession() {
		TestPeer joe = login(fixture, "joe", "joe-secret");
		for (int i = 0; i < 3; i++) {
			result(joe, "system.roster.register", "roster.n" + i, i);
		}
		// registering again in the same roster replaces the entry
		result(joe, "system.roster.register", "roster.n0", "again");
		assertThat(error(joe, "system.roster.register", "roster.n3", 3).error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
		assertThat(error(joe, "system.roster.register", "roster.n0", "x".repeat(2000)).error())
			.isEqualTo(RouterLimits.LIMIT_EXCEEDED);
		assertThat(result(joe, "system.roster.unregister", "roster.n2")).isEqualTo(true);
		result(joe, "system.roster.register", "roster.n3", 3);
	}

	@Test
	void anAnonymousMetadataFloodHitsTheQuotaAndNothingIsKeptAfterTheSessionsLeave() {
		long before = store.totalBytes();
		List<TestPeer> crowd = new ArrayList<>();
		String chunk = "x".repeat(1000);
		int accepted = 0;
		for (int s = 0; s < 20; s++) {
			TestPeer visitor = anonymous();
			crowd.add(visitor);
			for (int i = 0; i < 10; i++) {
				visitor.call("my.metadata.set", Map.of(), "k" + i, chunk);
				WampMessage answer = visitor.next();
				if (answer instanceof Result) {
					accepted++;
				}
				else {
					assertThat(((ErrorMessage) answer).error()).isEqualTo(RouterLimits.LIMIT_EXCEEDED);
					assertThat((String) ((ErrorMessage) answer).args().get(0)).contains("anonymous-")
						.contains(String.valueOf(METADATA_MAX_BYTES));
				}
			}
		}
		long held = store.totalBytes() - before;
		// each authid stops at its quota: 4 values of about 1 KB fit in 4 KiB
		assertThat(accepted).isEqualTo(20 * 4);
		assertThat(held).isLessThanOrEqualTo(20L * METADATA_MAX_BYTES);
		System.out.printf("metadata flood: 20 anonymous sessions, %d of 200 writes accepted, %d bytes held%n", accepted,
				held);
		crowd.forEach(TestPeer::leave);
		await().atMost(Duration.ofSeconds(5)).until(() -> store.totalBytes() == before);
		System.out.printf("metadata flood: %d bytes held after the sessions left%n", store.totalBytes() - before);
		assertThat(store.owners()).isZero();
	}

	@Test
	void aUsersMetadataOutlivesItsSessions() {
		TestPeer john = login(fixture, "john.doe", "john-secret");
		assertThat(result(john, "my.metadata.set", "theme", Map.of("dark", true))).isEqualTo(Map.of("dark", true));
		john.leave();
		TestPeer again = login(fixture, "john.doe", "john-secret");
		assertThat(result(again, "my.metadata.get", "theme")).isEqualTo(Map.of("dark", true));
		assertThat(result(again, "my.metadata.delete", "theme")).isEqualTo(true);
		assertThat(error(again, "my.metadata.set", "yaml", "a: 1", true).error()).isEqualTo(WampUris.INVALID_ARGUMENT);
	}

	@Test
	void aOneTimePasswordWorksOnceAndOnlyAPasswordLoginCreatesOne() {
		TestPeer john = login(fixture, "john.doe", "john-secret");
		Map<String, Object> otp = record(john, "my.otp.create");
		assertThat(otp).containsEntry("login", "john.doe")
			.containsEntry("owner", "john.doe")
			.containsEntry("permissions", List.of())
			.containsKeys("plaintext_key", "uuid", "key", "origin", "expires");
		String plaintext = (String) otp.get("plaintext_key");
		assertThat(OffsetDateTime.parse((String) otp.get("expires"))).isBetween(
				OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(9), OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(11));
		// listed without its plaintext
		assertThat(result(john, "my.otp.list")).asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("uuid", otp.get("uuid"))
			.containsEntry("plaintext_key", null);

		TestPeer delegated = login(fixture, "john.doe", plaintext);
		assertThat(record(delegated, "auth.whoami")).containsEntry("authid", "john.doe")
			.containsEntry("authrole", "backend")
			.containsEntry("authprovider", "otp");
		assertThat(error(delegated, "my.otp.create").error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat(error(delegated, "my.apikeys.create", Map.of()).error()).isEqualTo(WampUris.NOT_AUTHORIZED);

		Abort used = (Abort) fixture.connect().joinWithTicket("nexus", "john.doe", plaintext);
		assertThat(used.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		assertThat(result(john, "my.otp.list")).asInstanceOf(LIST).isEmpty();
		// john's password still works
		login(fixture, "john.doe", "john-secret");
	}

	@Test
	void aOneTimePasswordExpires() {
		TestPeer john = login(shortLived, "john.doe", "john-secret");
		String plaintext = (String) record(john, "my.otp.create").get("plaintext_key");
		await().atMost(Duration.ofSeconds(5)).until(() -> ((List<?>) result(john, "my.otp.list")).isEmpty());
		Abort expired = (Abort) shortLived.connect().joinWithTicket("nexus", "john.doe", plaintext);
		assertThat(expired.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void anApiKeyLogsInForItsOwnerAndIsLimitedToItsPermissions() {
		TestPeer john = login(fixture, "john.doe", "john-secret");
		john.register("com.example.echo", Map.of());
		Map<String, Object> created = record(john, "my.apikeys.create", Map.of("description", "ci", "expires",
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), "permissions",
				List.of(Map.of("uri", "com.example.*", "perms", "c"), Map.of("uri", "auth.whoami", "perms", "c"))));
		assertThat(created).containsEntry("description", "ci")
			.containsEntry("owner", "john.doe")
			.containsKeys("plaintext_key", "uuid", "key", "expires", "permissions");
		String plaintext = (String) created.get("plaintext_key");
		// listed without its plaintext: only its digest is kept
		assertThat(result(john, "my.apikeys.list")).asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("plaintext_key", null)
			.containsEntry("key", created.get("key"))
			.containsEntry("permissions", created.get("permissions"));
		assertThat(created.get("key")).isNotEqualTo(plaintext);

		TestPeer bot = login(fixture, "john.doe", plaintext);
		assertThat(record(bot, "auth.whoami")).containsEntry("authid", "john.doe")
			.containsEntry("authrole", "backend")
			.containsEntry("authprovider", "apikey");
		bot.call("com.example.echo", Map.of(), "hi");
		Invocation invocation = john.expect(Invocation.class);
		john.send(new Yield(invocation.requestId(), Map.of(), List.of("hi"), Map.of()));
		assertThat(bot.expect(Result.class).args()).containsExactly("hi");
		// the role (backend) allows these; the key does not
		assertThat(error(bot, "my.metadata.list").error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat(error(bot, "my.apikeys.list").error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		assertThat(error(bot, "org.other.proc").error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		bot.send(new io.wampspring.core.message.Register(bot.nextId(), Map.of(), "com.example.mine"));
		assertThat(bot.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NOT_AUTHORIZED);

		// deleted: the session may do nothing more, and the key no longer logs in
		assertThat(result(john, "my.apikeys.delete", created.get("uuid"))).isEqualTo(true);
		assertThat(error(bot, "auth.whoami").error()).isEqualTo(WampUris.NOT_AUTHORIZED);
		Abort refused = (Abort) fixture.connect().joinWithTicket("nexus", "john.doe", plaintext);
		assertThat(refused.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
	}

	@Test
	void anApiKeyWithoutPermissionsHasItsOwnersRoleUntilItExpires() {
		TestPeer john = login(shortLived, "john.doe", "john-secret");
		String expires = OffsetDateTime.now(ZoneOffset.UTC).plusNanos(Duration.ofMillis(800).toNanos()).toString();
		String plaintext = (String) record(john, "my.apikeys.create", Map.of("expires", expires)).get("plaintext_key");
		TestPeer bot = login(shortLived, "john.doe", plaintext);
		assertThat(record(bot, "auth.whoami")).containsEntry("authprovider", "apikey");
		assertThat(result(bot, "my.metadata.list")).asInstanceOf(MAP).isEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			bot.call("auth.whoami", Map.of());
			return bot.next() instanceof ErrorMessage denied && denied.error().equals(WampUris.NOT_AUTHORIZED);
		});
		Abort expired = (Abort) shortLived.connect().joinWithTicket("nexus", "john.doe", plaintext);
		assertThat(expired.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
		// the expired key is still listed until deleted
		assertThat(result(john, "my.apikeys.list")).asInstanceOf(LIST).hasSize(1);
	}

	@Test
	void apiKeyValuesAreChecked() {
		TestPeer john = login(fixture, "john.doe", "john-secret");
		assertThat(error(john, "my.apikeys.create", Map.of("role", "admin")).args().get(0)).asString()
			.contains("unknown API key field 'role'");
		assertThat(error(john, "my.apikeys.create", Map.of("expires", "2001-01-01T00:00:00Z")).args().get(0)).asString()
			.contains("not in the future");
		assertThat(error(john, "my.apikeys.create", Map.of("expires", "2999-01-01T00:00:00")).args().get(0)).asString()
			.contains("no zone");
		assertThat(error(john, "my.apikeys.create",
				Map.of("permissions", List.of(Map.of("uri", "com.example.*", "perms", "c+"))))
			.args()
			.get(0)).asString().contains("elevated");
		assertThat(error(john, "my.apikeys.create",
				Map.of("permissions", List.of(Map.of("uri", "com./ex.*/.x", "perms", "c"))))
			.args()
			.get(0)).asString().contains("regular expressions are not supported");
		assertThat(
				error(john, "my.apikeys.create", Map.of("permissions", List.of(Map.of("uri", "com.x", "perms", "cz"))))
					.error())
			.isEqualTo(WampUris.INVALID_ARGUMENT);
	}

}
