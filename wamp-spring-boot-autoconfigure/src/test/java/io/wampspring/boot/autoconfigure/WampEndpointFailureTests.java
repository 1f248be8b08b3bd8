package io.wampspring.boot.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.boot.autoconfigure.router.WampEmbeddedRouterAutoConfiguration;
import io.wampspring.client.InvokePolicy;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.config.WampEndpointRegistry;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong {@code @WampProcedure} / {@code @WampSubscribe} (or a handler declared in
 * properties) stops the start-up before any session starts, through
 * {@link WampEndpointFailureAnalyzer}, naming every bean method involved; registrations
 * that a router lets share a procedure still start and serve.
 */
class WampEndpointFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String[] TWO_PEERS = { "wamp.peers.default.pool-size=1", "wamp.peers.second.pool-size=1" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampEmbeddedRouterAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("wamp.embedded-router.enabled=true", "wamp.embedded-router.port=-1")
		.withUserConfiguration(FirstLifecycle.class);

	@Test
	void twoBeansRegisteringOneProcedureAreBothNamedBeforeAnySessionStarts() {
		this.runner.withUserConfiguration(First.class, Second.class).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("A WAMP endpoint cannot be served: procedure 'com.example.echo' "
						+ "(match exact) on router 'embedded' is registered by 2 bean methods: ")
				.contains("'first#echo' (" + FirstHandler.class.getName() + ".echo(String))")
				.contains("'second#echo' (" + SecondHandler.class.getName() + ".echo(String))")
				.contains("the sessions of peer 'default' would register it twice, which the router refuses");
			assertThat(analysis.getAction()).contains("Give each method its own URI")
				.contains("@WampProcedure(peer = \"second\", invoke = InvokePolicy.ROUNDROBIN)");
			// the failure came while the beans were created, before the lifecycle started
			// anything
			assertThat(FirstLifecycle.started).isFalse();
		});
	}

	@Test
	void everyBeanOfAConflictIsNamed() {
		this.runner.withUserConfiguration(First.class, Second.class, Third.class).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("is registered by 3 bean methods")
				.contains("'first#echo'")
				.contains("'second#echo'")
				.contains("'third#echo'");
		});
	}

	@Test
	void annotationAndConfiguredHandlerOnOneProcedureAreBothNamed() {
		this.runner.withUserConfiguration(First.class)
			.withPropertyValues("wamp.peers.default.roles.callee.registrations[com.example.echo].handler=first#other")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("is registered by 2 bean methods")
				.contains("'first#echo' (" + FirstHandler.class.getName() + ".echo(String))")
				.contains("'first#other' (" + FirstHandler.class.getName() + ".other())")
				// the default peer, whether named or not
				.contains("the sessions of peer 'default' would register it twice"));
	}

	@Test
	void differentSharedInvokePoliciesConflict() {
		this.runner.withUserConfiguration(SharedRoundRobin.class, SharedRandom.class)
			.withPropertyValues(TWO_PEERS)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("procedure 'com.example.shared'")
					.contains("(invoke policies: roundrobin, random)")
					.contains("the router refuses a second registration unless all set the same shared invoke policy");
			});
	}

	@Test
	void theSameSharedInvokePolicyOnOnePeerConflicts() {
		// the router refuses a session that registers a procedure twice, whatever the
		// policy
		this.runner.withUserConfiguration(OtherRoundRobin.class, AnotherRoundRobin.class)
			.withPropertyValues(TWO_PEERS)
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("the sessions of peer 'second' would register it twice"));
	}

	@Test
	void theSameSharedInvokePolicyFromTwoPeersServesFromBothBeans() {
		this.runner.withUserConfiguration(SharedRoundRobin.class, OtherRoundRobin.class)
			.withPropertyValues(TWO_PEERS)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WampTemplate template = context.getBean(WampTemplate.class);
				Set<String> answers = new HashSet<>();
				for (int i = 0; i < 4; i++) {
					answers.add(template.call("com.example.shared", String.class).block(TIMEOUT));
				}
				// the router accepted both registrations and takes turns between them
				assertThat(answers).containsExactlyInAnyOrder("round-robin", "other");
			});
	}

	@Test
	void twoHandlersOfOneTopicAreFine() {
		this.runner.withUserConfiguration(TwoListeners.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidUrisNameTheBeanMethod() {
		this.runner.withUserConfiguration(BadUris.class).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("WAMP endpoints cannot be served:")
				.contains("'badUris#procedure' (" + BadUrisHandler.class.getName()
						+ ".procedure()): invalid procedure URI 'com..example'")
				.contains("'badUris#topic' (" + BadUrisHandler.class.getName()
						+ ".topic(String)): invalid topic URI 'com.example#news'")
				.contains("'badUris#reserved' (" + BadUrisHandler.class.getName()
						+ ".reserved()): procedure 'wamp.my.procedure' is under 'wamp.'")
				.doesNotContain("badUris#pattern");
			assertThat(analysis.getAction()).contains("such as com.example.add2").contains("com.example.my.procedure");
			assertThat(FirstLifecycle.started).isFalse();
		});
	}

	@Test
	void relativeUriWithoutPrefixAndUnknownPeer() {
		this.runner.withUserConfiguration(Unresolvable.class).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'unresolvable#relative' ("
					+ UnresolvableHandler.class.getName()
					+ ".relative()): '.add2' is relative (it starts with a dot) but peer 'default' has no uri-prefix")
				.contains("'unresolvable#elsewhere' (" + UnresolvableHandler.class.getName()
						+ ".elsewhere()) cannot be served: no WAMP peer named 'nope'");
			assertThat(analysis.getAction()).contains("com.example.add2").contains("Name a configured peer");
		});
	}

	@Test
	void emptyUriAndBadAttributeNameTheBeanMethod() {
		this.runner.withUserConfiguration(EmptyUri.class).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(
					"'emptyUri#echo' (" + EmptyUriHandler.class.getName() + ".echo()): the WAMP annotation has no URI");
			assertThat(analysis.getAction()).contains("Set its value (or uri)");
		});
	}

	private static FailureAnalysis analysis(Throwable failure) {
		assertThat(failure).as("a start-up failure").isNotNull();
		FailureAnalysis analysis = new WampEndpointFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("an InvalidWampEndpointException behind %s", failure).isNotNull();
		return analysis;
	}

	/** Records whether the lifecycle started anything: it starts first of all. */
	@Configuration(proxyBeanMethods = false)
	static class FirstLifecycle {

		static volatile boolean started;

		FirstLifecycle() {
			started = false;
		}

		@Bean
		SmartLifecycle firstLifecycle() {
			AtomicBoolean running = new AtomicBoolean();
			return new SmartLifecycle() {

				@Override
				public void start() {
					started = true;
					running.set(true);
				}

				@Override
				public void stop() {
					running.set(false);
				}

				@Override
				public boolean isRunning() {
					return running.get();
				}

				@Override
				public int getPhase() {
					return Integer.MIN_VALUE;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class First {

		@Bean
		FirstHandler first() {
			return new FirstHandler();
		}

	}

	static class FirstHandler {

		@WampProcedure("com.example.echo")
		public String echo(String text) {
			return text;
		}

		public String other() {
			return "other";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Second {

		@Bean
		SecondHandler second() {
			return new SecondHandler();
		}

	}

	static class SecondHandler {

		@WampProcedure("com.example.echo")
		public String echo(String text) {
			return text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Third {

		@Bean
		SecondHandler third() {
			return new SecondHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedRoundRobin {

		@Bean
		SharedRoundRobinHandler roundRobin() {
			return new SharedRoundRobinHandler();
		}

	}

	static class SharedRoundRobinHandler {

		@WampProcedure(value = "com.example.shared", invoke = InvokePolicy.ROUNDROBIN)
		public String answer() {
			return "round-robin";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherRoundRobin {

		@Bean
		OtherRoundRobinHandler otherRoundRobin() {
			return new OtherRoundRobinHandler();
		}

	}

	static class OtherRoundRobinHandler {

		@WampProcedure(value = "com.example.shared", peer = "second", invoke = InvokePolicy.ROUNDROBIN)
		public String answer() {
			return "other";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnotherRoundRobin {

		@Bean
		OtherRoundRobinHandler anotherRoundRobin() {
			return new OtherRoundRobinHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedRandom {

		@Bean
		SharedRandomHandler random() {
			return new SharedRandomHandler();
		}

	}

	static class SharedRandomHandler {

		@WampProcedure(value = "com.example.shared", peer = "second", invoke = InvokePolicy.RANDOM)
		public String answer() {
			return "random";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoListeners {

		@Bean
		TwoListenersHandler listeners() {
			return new TwoListenersHandler();
		}

	}

	static class TwoListenersHandler {

		@WampSubscribe("com.example.news")
		public void one(String news) {
		}

		@WampSubscribe("com.example.news")
		public void two(String news) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadUris {

		@Bean
		BadUrisHandler badUris() {
			return new BadUrisHandler();
		}

	}

	static class BadUrisHandler {

		@WampProcedure("com..example")
		public String procedure() {
			return "";
		}

		@WampSubscribe("com.example#news")
		public void topic(String news) {
		}

		@WampProcedure("wamp.my.procedure")
		public String reserved() {
			return "";
		}

		// valid: a wildcard pattern may leave components empty
		@WampProcedure(value = "com..update", match = MatchPolicy.WILDCARD)
		public String pattern() {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Unresolvable {

		@Bean
		UnresolvableHandler unresolvable() {
			return new UnresolvableHandler();
		}

	}

	static class UnresolvableHandler {

		@WampProcedure(".add2")
		public int relative() {
			return 0;
		}

		@WampProcedure(value = "com.example.elsewhere", peer = "nope")
		public int elsewhere() {
			return 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyUri {

		@Bean
		EmptyUriHandler emptyUri() {
			return new EmptyUriHandler();
		}

	}

	static class EmptyUriHandler {

		@WampProcedure(uri = "${empty.uri:}")
		public String echo() {
			return "";
		}

	}

}
