package io.wampspring.boot.autoconfigure;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.boot.autoconfigure.router.WampRouterProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every start-up failure of a wrong {@code wamp.*} property names the property and the
 * fix, through {@link WampConfigurationFailureAnalyzer}, and never shows a secret.
 */
class WampConfigurationFailureTests {

	private static final String URL = "wamp.routers.main.url=ws://localhost:9/ws";

	private static final String REALM = "wamp.routers.main.realm=realm1";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("wamp.auto-startup=false");

	@Test
	void unknownDefaultRouter() {
		assertFailure(analysis("wamp.defaults.router=nope", URL, REALM), "wamp.defaults.router",
				"no router named 'nope'", "Set it to one of [main]");
	}

	@Test
	void unknownPeerRouter() {
		assertFailure(analysis("wamp.peers.p.router=nope", URL, REALM), "wamp.peers.p.router", "no router named 'nope'",
				"wamp.routers.nope.url");
	}

	@Test
	void peerWithoutRouterAmongSeveral() {
		assertFailure(
				analysis("wamp.peers.p.pool-size=1", URL, REALM, "wamp.routers.other.url=tcp://localhost:9",
						"wamp.routers.other.realm=r"),
				"wamp.peers.p.router", "several are configured", "wamp.defaults.router");
	}

	@Test
	void peerWithoutAnyRouter() {
		assertFailure(analysis("wamp.peers.p.pool-size=1"), "wamp.peers.p.router", "no router is configured",
				"wamp.embedded-router.enabled=true");
	}

	@Test
	void badPoolSize() {
		assertFailure(analysis("wamp.peers.p.pool-size=0", URL, REALM), "wamp.peers.p.pool-size", "at least 1",
				"number of sessions");
	}

	@Test
	void badHandlerLimits() {
		assertFailure(analysis(URL, REALM, "wamp.defaults.callee.concurrency=-1"), "wamp.defaults.callee.concurrency",
				"at least 0", "0 for no limit");
		assertFailure(analysis(URL, REALM, "wamp.defaults.subscriber.concurrency=0"),
				"wamp.defaults.subscriber.concurrency", "at least 1", "1 keeps order");
		assertFailure(analysis(URL, REALM, "wamp.defaults.subscriber.queue-capacity=-5"),
				"wamp.defaults.subscriber.queue-capacity", "at least 0", "0 to drop at once");
		assertFailure(analysis(URL, REALM,
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler=wampClientOptionsFactory#routerNames",
				"wamp.peers.p.roles.callee.registrations[com.example.echo].options.queue-capacity=-1"),
				"wamp.peers.p.roles.callee.registrations[com.example.echo].options.queue-capacity",
				"whole number of at least 0", "Set a number");
		assertFailure(analysis(URL, REALM,
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.news].handler=wampClientOptionsFactory#routerNames",
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.news].options.concurrency=0"),
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.news].options.concurrency",
				"whole number of at least 1", "1 keeps events in order");
	}

	@Test
	void badHandler() {
		assertFailure(analysis(URL, REALM, "wamp.peers.p.roles.callee.registrations[com.example.echo].handler=echo"),
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler", "'echo' is not a bean method",
				"beanName#methodName");
	}

	@Test
	void handlerBeanThatDoesNotExist() {
		assertFailure(
				analysis(URL, REALM, "wamp.peers.p.roles.callee.registrations[com.example.echo].handler=nope#echo"),
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler", "no bean named 'nope'",
				"Name an existing bean");
	}

	@Test
	void handlerMethodThatDoesNotExist() {
		assertFailure(analysis(URL, REALM,
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.hello].handler=wampClientOptionsFactory#nope"),
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.hello].handler", "has no method 'nope'",
				"Name a method of the bean");
	}

	@Test
	void unknownHandlerMatchPolicy() {
		// a typed option: Spring Boot's binder refuses the value, naming the property
		this.runner.withPropertyValues(URL, REALM,
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.hello].handler=wampClientOptionsFactory#routerNames",
				"wamp.peers.p.roles.subscriber.subscriptions[com.example.hello].options.match=regex")
			.run((context) -> assertBindFailure(context,
					"wamp.peers.p.roles.subscriber.subscriptions[com.example.hello].options.match", "regex"));
	}

	@Test
	void badJoinTimeout() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.join-timeout=0s"), "wamp.routers.main.join-timeout",
				"must be positive", "from the open connection to WELCOME");
	}

	@Test
	void badClientLimits() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.limits.max-pending-calls=0"),
				"wamp.routers.main.limits.max-pending-calls", "at least 1, got 0", "Set a whole number");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.limits.event-buffer=-1"),
				"wamp.routers.main.limits.event-buffer", "at least 1, got -1", "Set a whole number");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.limits.inbound-high-water-mark=256"),
				"wamp.routers.main.limits.inbound-low-water-mark", "below inbound-high-water-mark (256), got 512",
				"such as half of it (128)");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.limits.inbound-high-water-mark=4096"),
				"wamp.routers.main.limits.max-queued-invocations", "at least inbound-high-water-mark (4096), got 2048",
				"Raise wamp.routers.main.limits.max-queued-invocations");
	}

	@Test
	void badDefaultCallTimeout() {
		assertFailure(analysis(URL, REALM, "wamp.defaults.caller.options.timeout=-1s"),
				"wamp.defaults.caller.options.timeout", "must be 0 (no timeout) or at least 1ms",
				"Set a duration such as 15s");
		this.runner.withPropertyValues(URL, REALM, "wamp.defaults.caller.options.timeout=soon")
			.run((context) -> assertBindFailure(context, "wamp.defaults.caller.options.timeout", "soon"));
	}

	@Test
	void badDefaultErrorUri() {
		assertFailure(analysis(URL, REALM, "wamp.defaults.callee.error-uri=not a uri"),
				"wamp.defaults.callee.error-uri", "not a valid WAMP error URI", "Use a WAMP URI");
	}

	@Test
	void badUrlScheme() {
		assertFailure(analysis("wamp.routers.main.url=http://localhost:8080/ws", REALM), "wamp.routers.main.url",
				"not a WAMP router address", "ws:// or wss://");
	}

	@Test
	void urlWithoutHost() {
		assertFailure(analysis("wamp.routers.main.url=tcp://localhost", REALM), "wamp.routers.main.url",
				"not a valid router address", "ws://localhost:8080/ws");
	}

	@Test
	void missingUrlWithoutEmbeddedRouter() {
		assertFailure(analysis(REALM), "wamp.routers.main.url", "no embedded router runs",
				"wamp.embedded-router.enabled=true");
	}

	@Test
	void missingRealm() {
		assertFailure(analysis(URL), "wamp.routers.main.realm", "no realm", "realm=realm1");
	}

	@Test
	void invalidRealm() {
		assertFailure(analysis(URL, "wamp.routers.main.realm=my realm"), "wamp.routers.main.realm",
				"not a valid WAMP URI", "realm1");
	}

	@Test
	void unknownSerializer() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.serializers=json,xml"), "wamp.routers.main.serializers",
				"unknown serializer 'xml'", "[json, msgpack, cbor]");
	}

	@Test
	void unknownAuthMethod() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.auth.method=kerberos"), "wamp.routers.main.auth.method",
				"unknown authentication method 'kerberos'",
				"[anonymous, ticket, wampcra, cryptosign, scram, wamp-scram]");
	}

	@Test
	void missingAuthid() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.auth.method=ticket", "wamp.routers.main.auth.secret=x"),
				"wamp.routers.main.auth.authid", "needs an authid", "user name");
	}

	@Test
	void missingSecretForTicketWampcraAndScram() {
		for (String method : new String[] { "ticket", "wampcra", "scram" }) {
			assertFailure(
					analysis(URL, REALM, "wamp.routers.main.auth.method=" + method,
							"wamp.routers.main.auth.authid=joe"),
					"wamp.routers.main.auth.secret", "the '" + method + "' method needs a secret", "${WAMP_SECRET}");
		}
	}

	@Test
	void missingCryptosignKey() {
		assertFailure(
				analysis(URL, REALM, "wamp.routers.main.auth.method=cryptosign", "wamp.routers.main.auth.authid=joe"),
				"wamp.routers.main.auth.private-key", "needs a private key", "64 hex digits");
	}

	@Test
	void malformedCryptosignKey() {
		FailureAnalysis analysis = analysis(URL, REALM, "wamp.routers.main.auth.method=cryptosign",
				"wamp.routers.main.auth.authid=joe", "wamp.routers.main.auth.private-key=abcdef0123");
		assertFailure(analysis, "wamp.routers.main.auth.private-key", "malformed cryptosign private key",
				"64 hex digits");
		assertThat(analysis.getDescription()).doesNotContain("abcdef0123");
	}

	@Test
	void unreadableCryptosignKeyFile() {
		assertFailure(
				analysis(URL, REALM, "wamp.routers.main.auth.method=cryptosign", "wamp.routers.main.auth.authid=joe",
						"wamp.routers.main.auth.private-key-file=/nonexistent/key.priv"),
				"wamp.routers.main.auth.private-key-file", "cannot read", "readable key file");
	}

	@Test
	void secretNeverInTheReport() {
		// A configuration that fails for another reason while a secret is set.
		FailureAnalysis analysis = analysis(URL, REALM, "wamp.routers.main.auth.method=wampcra",
				"wamp.routers.main.auth.authid=joe", "wamp.routers.main.auth.secret=TopSecret42",
				"wamp.routers.main.serializers=xml");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("TopSecret42");
	}

	@Test
	void backoffMaxShorterThanMin() {
		assertFailure(
				analysis(URL, REALM, "wamp.routers.main.reconnect.backoff-min=5s",
						"wamp.routers.main.reconnect.backoff-max=1s"),
				"wamp.routers.main.reconnect.backoff-max", "shorter than backoff-min", "at least backoff-min");
	}

	@Test
	void badMaxRetries() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.reconnect.max-retries=-2"),
				"wamp.routers.main.reconnect.max-retries", "must be -1 or more", "-1 to retry forever");
	}

	@Test
	void sslBundleOnPlainUrl() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.ssl.bundle=client"), "wamp.routers.main.ssl.bundle",
				"does not use TLS", "wss://");
	}

	@Test
	void unknownSslBundle() {
		assertFailure(
				analysis("wamp.routers.main.url=wss://localhost:9/ws", REALM, "wamp.routers.main.ssl.bundle=nope"),
				"wamp.routers.main.ssl.bundle", "no SSL bundle named 'nope'", "spring.ssl.bundle");
	}

	@Test
	void badConnectTimeout() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.connect-timeout=0s"), "wamp.routers.main.connect-timeout",
				"must be positive", "10s");
	}

	@Test
	void badMaxFrameSize() {
		assertFailure(analysis(URL, REALM, "wamp.routers.main.websocket.max-frame-size=10B"),
				"wamp.routers.main.websocket.max-frame-size", "between 1KB and 2GB", "16MB");
	}

	@Test
	void embeddedRouterBadPermission() {
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.realms.r.roles.user.permissions[0].uri=com.example.",
						"wamp.embedded-router.realms.r.roles.user.permissions[0].allow=cx"),
				"wamp.embedded-router.realms.r.roles.user.permissions[0].allow", "unknown action 'x'",
				"c (call), r (register), p (publish), s (subscribe)");
	}

	@Test
	void embeddedRouterBadLimits() {
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.limits.hello-timeout=0s"),
				"wamp.embedded-router.limits.hello-timeout", "must be positive, got PT0S",
				"remove it to use the default");
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.limits.max-incomplete-message-bytes=1MB"),
				"wamp.embedded-router.limits.max-incomplete-message-bytes",
				"must hold at least one message of maxMessageSize (16777216 bytes), got 1048576", "default");
	}

	@Test
	void embeddedRouterBadMatch() {
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.realms.r.roles.user.permissions[0].match=regex"),
				"wamp.embedded-router.realms.r.roles.user.permissions[0].match", "unknown match policy 'regex'",
				"exact, prefix or wildcard");
	}

	@Test
	void embeddedRouterUnknownUserRole() {
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.realms.r.roles.user.permissions[0].allow=c",
						"wamp.embedded-router.realms.r.users.joe.role=admin",
						"wamp.embedded-router.realms.r.users.joe.secret=x"),
				"wamp.embedded-router.realms.r.users.joe.role", "no role named 'admin'", "[user]");
	}

	@Test
	void embeddedRouterBadPublicKey() {
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.realms.r.users.joe.public-keys=abc"),
				"wamp.embedded-router.realms.r.users.joe.public-keys", "64 hex digits", "64 hex digits");
	}

	@Test
	void embeddedRouterUserWithDotsWithoutBrackets() {
		// Boot's binder reads john.doe as two names and drops the user without a word
		assertFailure(
				analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
						"wamp.embedded-router.realms.r.users.john.doe.secret=x"),
				"wamp.embedded-router.realms.r.users.john.doe.secret", "dropped the user",
				"wamp.embedded-router.realms.r.users[john.doe], in YAML \"[john.doe]\"");
	}

	@Test
	void embeddedRouterUserWithDotsInBracketsIsKept() {
		this.runner
			.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
					"wamp.embedded-router.realms.r.users[john.doe].secret=x",
					"wamp.embedded-router.realms.r.users.joe.secret=y")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WampRouterProperties.class).getRealms().get("r").getUsers())
					.containsOnlyKeys("john.doe", "joe");
			});
	}

	@Test
	void registrationUriWithoutBrackets() {
		assertFailure(analysis(URL, REALM, "wamp.peers.p.roles.callee.registrations.com.example.echo.handler=h#echo"),
				"wamp.peers.p.roles.callee.registrations.com.example.echo.handler", "dropped the registration",
				"wamp.peers.p.roles.callee.registrations[com.example.echo], in YAML \"[com.example.echo]\"");
	}

	@Test
	void subscriptionUriWithoutBracketsAndOptions() {
		assertFailure(
				analysis(URL, REALM,
						"wamp.peers.p.roles.subscriber.subscriptions.com.example.news.options.match=prefix"),
				"wamp.peers.p.roles.subscriber.subscriptions.com.example.news.options.match",
				"dropped the subscription", "subscriptions[com.example.news]");
	}

	@Test
	void unknownRouterPropertyNamesTheNearestOne() {
		// the embedded router would join in process without a word: the typo must stop
		// the start
		FailureAnalysis analysis = analysis("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1",
				"wamp.routers.main.ulr=ws://localhost:9/ws", REALM);
		assertFailure(analysis, "wamp.routers.main.ulr",
				"there is no property 'ulr' in 'wamp.routers.main', did you mean 'url'?",
				"Rename it to wamp.routers.main.url, or remove it.");
		assertThat(analysis.getAction()).contains("realm").contains("reconnect").contains("uri-prefix");
	}

	@Test
	void unknownPropertyInEveryNestedClassAndMapValue() {
		assertFailure(analysis("wamp.ruters.main.url=ws://localhost:9/ws"), "wamp.ruters.main.url",
				"no property 'ruters' in 'wamp', did you mean 'routers'?", "Rename it to wamp.routers.main.url");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.reconect.enabled=false"),
				"wamp.routers.main.reconect.enabled", "did you mean 'reconnect'?",
				"Rename it to wamp.routers.main.reconnect.enabled");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.limits.max-pending-call=3"),
				"wamp.routers.main.limits.max-pending-call", "did you mean 'max-pending-calls'?",
				"wamp.routers.main.limits.max-pending-calls");
		assertFailure(analysis(URL, REALM, "wamp.routers.main.auth.secrte=x"), "wamp.routers.main.auth.secrte",
				"did you mean 'secret'?", "wamp.routers.main.auth.secret");
		assertFailure(analysis(URL, REALM, "wamp.peers.p.pool-sise=2"), "wamp.peers.p.pool-sise",
				"did you mean 'pool-size'?", "wamp.peers.p.pool-size");
		assertFailure(analysis(URL, REALM, "wamp.peers.p.roles.calee.registrations[com.example.echo].handler=a#b"),
				"wamp.peers.p.roles.calee.registrations[com.example.echo].handler", "did you mean 'callee'?",
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler");
		assertFailure(analysis(URL, REALM, "wamp.peers.p.roles.callee.registrations[com.example.echo].handlr=a#b"),
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handlr", "did you mean 'handler'?",
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler");
		assertFailure(analysis(URL, REALM, "wamp.defaults.caller.optoins.timeout=5s"),
				"wamp.defaults.caller.optoins.timeout", "did you mean 'options'?",
				"wamp.defaults.caller.options.timeout");
		assertFailure(analysis(URL, REALM, "wamp.defaults.callee.error-url=com.example.error"),
				"wamp.defaults.callee.error-url", "did you mean 'error-uri'?", "wamp.defaults.callee.error-uri");
		assertFailure(analysis(URL, REALM, "wamp.nexus.prefx=com.example"), "wamp.nexus.prefx",
				"did you mean 'prefix'?", "wamp.nexus.prefix");
	}

	@Test
	void unknownEmbeddedRouterProperty() {
		String enabled = "wamp.embedded-router.enabled=true";
		String port = "wamp.embedded-router.port=-1";
		assertFailure(analysis(enabled, port, "wamp.embedded-router.limits.hello-timout=5s"),
				"wamp.embedded-router.limits.hello-timout", "did you mean 'hello-timeout'?",
				"wamp.embedded-router.limits.hello-timeout");
		assertFailure(analysis(enabled, port, "wamp.embedded-router.realms.r.users.joe.secrt=x"),
				"wamp.embedded-router.realms.r.users.joe.secrt", "did you mean 'secret'?",
				"wamp.embedded-router.realms.r.users.joe.secret");
		assertFailure(
				analysis(enabled, port, "wamp.embedded-router.realms.r.roles.user.permissions[0].uri=com.example",
						"wamp.embedded-router.realms.r.roles.user.permissions[0].alow=c"),
				"wamp.embedded-router.realms.r.roles.user.permissions[0].alow", "did you mean 'allow'?",
				"wamp.embedded-router.realms.r.roles.user.permissions[0].allow");
		// the router's properties are a class of their own, yet a misspelt prefix is
		// placed under wamp like any other name
		assertFailure(analysis(URL, REALM, "wamp.embeded-router.port=-1"), "wamp.embeded-router.port",
				"did you mean 'embedded-router'?", "wamp.embedded-router.port");
		// a dotted user key keeps its precise advice without the embedded router (its
		// properties are then bound for the check only)
		assertFailure(analysis(URL, REALM, "wamp.embedded-router.realms.r.users.john.doe.secret=x"),
				"wamp.embedded-router.realms.r.users.john.doe.secret", "dropped the user",
				"wamp.embedded-router.realms.r.users[john.doe], in YAML \"[john.doe]\"");
		// checked even where the embedded router is off: the configuration is wrong
		// either way
		assertFailure(analysis(URL, REALM, "wamp.embedded-router.realms.r.rolse.user.permissions[0].allow=c"),
				"wamp.embedded-router.realms.r.rolse.user.permissions[0].allow", "did you mean 'roles'?",
				"wamp.embedded-router.realms.r.roles.user.permissions[0].allow");
	}

	@Test
	void unknownPropertyFarFromAnyName() {
		FailureAnalysis analysis = analysis(URL, REALM, "wamp.routers.main.colour=blue");
		assertFailure(analysis, "wamp.routers.main.colour", "there is no property 'colour' in 'wamp.routers.main'",
				"Remove it, or correct its name. The properties of wamp.routers.main are: auth, ");
		assertThat(analysis.getDescription()).doesNotContain("did you mean");
	}

	@Test
	void propertyUnderAValue() {
		assertFailure(analysis(REALM, "wamp.routers.main.url.host=localhost"), "wamp.routers.main.url.host",
				"'wamp.routers.main.url' takes a value, so 'host' under it is ignored",
				"Set wamp.routers.main.url itself");
	}

	@Test
	void everyUnknownPropertyIsListed() {
		FailureAnalysis analysis = analysis(URL, REALM, "wamp.routers.main.ulr=x", "wamp.peers.p.pool-sise=2");
		assertThat(analysis.getDescription()).contains("also unknown: ");
		assertThat(analysis.getDescription()).contains("wamp.routers.main.ulr").contains("wamp.peers.p.pool-sise");
	}

	@Test
	void unknownOptionsAreUnknownProperties() {
		assertFailure(analysis(URL, REALM, "wamp.defaults.caller.options.timout=5s"),
				"wamp.defaults.caller.options.timout", "did you mean 'timeout'?",
				"Rename it to wamp.defaults.caller.options.timeout");
		// far from every option: still refused, listing the options and the extra map
		assertFailure(analysis(URL, REALM, "wamp.defaults.caller.options.x_custom=1"),
				"wamp.defaults.caller.options.x_custom", "there is no property 'x_custom'", "extra");
		assertFailure(analysis(URL, REALM, "wamp.defaults.publisher.options.exclude-mee=false"),
				"wamp.defaults.publisher.options.exclude-mee", "did you mean 'exclude-me'?",
				"wamp.defaults.publisher.options.exclude-me");
		assertFailure(analysis(URL, REALM,
				"wamp.peers.p.roles.callee.registrations[com.example.echo].handler=wampClientOptionsFactory#routerNames",
				"wamp.peers.p.roles.callee.registrations[com.example.echo].options.invok=roundrobin"),
				"wamp.peers.p.roles.callee.registrations[com.example.echo].options.invok", "did you mean 'invoke'?",
				"options.invoke");
	}

	@Test
	void freeFormMapsAndListsAreNotUnknown() {
		this.runner
			.withPropertyValues(URL, REALM, "wamp.routers.main.websocket.headers.X-Api-Key=k",
					"wamp.routers.main.serializers[0]=cbor", "wamp.routers.main.serializers[1]=json",
					"wamp.defaults.callee.exception-uris[java.lang.IllegalStateException]=com.example.error.state",
					"wamp.defaults.caller.options.timeout=5s", "wamp.defaults.caller.options.extra.x_custom=1",
					"wamp.defaults.caller.features.progressive_call_results=true",
					"wamp.nexus.uris.whoami=com.example.whoami", "wamp.defaults.caller.retry.retryable-uris=a.b",
					"wamp.routers.main.auth.password=x", "wamp.routers.main.auth.authid=joe")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void emptyYamlSectionsAreNotUnknown() {
		// "registrations:" with nothing under it reads as an empty value
		this.runner
			.withPropertyValues(URL, REALM, "wamp.peers.p.roles.callee.registrations=",
					"wamp.routers.main.websocket.headers=")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void environmentVariablesAndSystemPropertiesAreNotChecked() {
		// WAMP_TICKET=... in the environment reads as wamp.ticket: not meant for
		// WampProperties
		this.runner.withPropertyValues(URL, REALM)
			.withSystemProperties("wamp.ticket=secret")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void camelCaseAndKebabCaseAreBothKnown() {
		this.runner
			.withPropertyValues(URL, REALM, "wamp.routers.main.connectTimeout=5s",
					"wamp.routers.main.limits.max_pending_calls=5")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private FailureAnalysis analysis(String... properties) {
		FailureAnalysis[] result = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> result[0] = analyze(context));
		return result[0];
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new WampConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("a WampConfigurationException behind %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	private static void assertBindFailure(AssertableApplicationContext context, String property, String value) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof BindException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a BindException behind %s", context.getStartupFailure()).isNotNull();
		BindException bind = (BindException) failure;
		assertThat(bind.getProperty()).isNotNull();
		assertThat(bind.getProperty().getName()).hasToString(property);
		assertThat(bind.getProperty().getValue()).hasToString(value);
	}

	private static void assertFailure(FailureAnalysis analysis, String property, String reason, String action) {
		assertThat(analysis.getDescription()).contains("'" + property + "'").contains(reason);
		assertThat(analysis.getAction()).contains(action);
	}

}
