package io.wampspring.spring.config;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvokePolicy;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.core.uri.MatchPolicy;
import io.wampspring.spring.listener.adapter.WampExceptionTranslator;
import io.wampspring.spring.peer.WampPeer;
import io.wampspring.spring.peer.WampPeers;
import io.wampspring.spring.support.WampJsonConverter;
import io.wampspring.spring.listener.adapter.WampHandlerMethodArgumentResolver;
import io.wampspring.spring.listener.adapter.WampHandlerMethodFactory;
import io.wampspring.spring.listener.adapter.WampParameterContext;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WampEndpointRegistry#registerEndpoints} refuses, before any session starts (the
 * peers here never connect), what a router would refuse, naming every bean method
 * involved, and adds nothing then.
 */
class WampEndpointRegistryCheckTests {

	private final WampEndpointRegistry registry = new WampEndpointRegistry(
			WampPeers.of(List.of(peer("default", "main", null), peer("second", "main", null),
					peer("other", "elsewhere", "com.example"))),
			WampJsonConverter.shared(), WampExceptionTranslator.builder().build());

	@Test
	void oneProcedureFromTwoMethodsOfOnePeerNamesBoth() {
		assertThatExceptionOfType(InvalidWampEndpointException.class)
			.isThrownBy(() -> this.registry.registerEndpoints(List.of(procedure("a#echo", "com.example.echo", "", null),
					procedure("b#echo", "com.example.echo", "", null))))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).hasSize(1);
				assertThat(ex.getProblems().get(0).handlers()).hasSize(2);
				assertThat(ex.getProblems().get(0).reason()).contains(
						"procedure 'com.example.echo' (match exact) on router 'main' is registered by 2 bean methods")
					.contains("'a#echo' (" + Handlers.class.getName() + ".echo(String))")
					.contains("'b#echo'");
			});
		assertThat(this.registry.getEndpoints()).isEmpty();
	}

	@Test
	void aLaterEndpointIsCheckedAgainstTheEarlierOnes() {
		this.registry.registerEndpoint(procedure("a#echo", "com.example.echo", "", null));
		assertThatExceptionOfType(InvalidWampEndpointException.class)
			.isThrownBy(() -> this.registry.registerEndpoint(procedure("b#echo", "com.example.echo", "second", null)))
			.withMessageContaining("'a#echo'")
			.withMessageContaining("'b#echo'")
			.withMessageContaining("unless all set the same shared invoke policy");
		assertThat(this.registry.getEndpoints()).hasSize(1);
	}

	@Test
	void sharingNeedsTheSameExplicitPolicyOnDifferentPeers() {
		this.registry.registerEndpoints(List.of(procedure("a#echo", "com.example.echo", "", InvokePolicy.ROUNDROBIN),
				procedure("b#echo", "com.example.echo", "second", InvokePolicy.ROUNDROBIN)));
		assertThat(this.registry.getEndpoints()).hasSize(2);
		assertThatExceptionOfType(InvalidWampEndpointException.class)
			.isThrownBy(() -> this.registry
				.registerEndpoint(procedure("c#echo", "com.example.echo", "second", InvokePolicy.ROUNDROBIN)))
			.withMessageContaining("the sessions of peer 'second' would register it twice");
	}

	@Test
	void otherRoutersMatchPoliciesAndTopicsDoNotConflict() {
		this.registry.registerEndpoints(List.of(procedure("a#echo", "com.example.echo", "", null),
				procedure("b#echo", ".echo", "other", null),
				new WampProcedureEndpoint("c#echo", "com.example.echo", "",
						RegisterOptions.builder().match(MatchPolicy.PREFIX).build(), false, null, null, new Handlers(),
						method("echo")),
				subscription("d#news", "com.example.news", MatchPolicy.EXACT),
				subscription("e#news", "com.example.news", MatchPolicy.EXACT)));
		assertThat(this.registry.getEndpoints()).hasSize(5);
	}

	@Test
	void invalidUrisUnknownPeersAndRelativeUrisWithoutPrefixAreAllReported() {
		assertThatExceptionOfType(InvalidWampEndpointException.class)
			.isThrownBy(() -> this.registry.registerEndpoints(List.of(procedure("a#echo", "com.example echo", "", null),
					subscription("b#news", "com.example#news", MatchPolicy.EXACT),
					subscription("c#news", "com..news", MatchPolicy.WILDCARD),
					procedure("d#echo", "wamp.session.count", "", null), procedure("e#echo", ".echo", "", null),
					procedure("f#echo", "com.example.f", "nope", null))))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(InvalidWampEndpointException.Problem::reason)
				.satisfiesExactly(
						(reason) -> assertThat(reason).contains("'a#echo'")
							.contains("invalid procedure URI 'com.example echo'"),
						(reason) -> assertThat(reason).contains("'b#news'")
							.contains("invalid topic URI 'com.example#news'"),
						(reason) -> assertThat(reason).contains("'d#echo'").contains("reserves for the router"),
						(reason) -> assertThat(reason).contains("'e#echo'").contains("has no uri-prefix"),
						(reason) -> assertThat(reason).contains("'f#echo'").contains("no WAMP peer named 'nope'")));
	}

	@Test
	void aParameterThatCannotBeResolvedIsReportedBeforeAnySessionStarts() {
		WampHandlerMethodArgumentResolver strict = new WampHandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == String.class;
			}

			@Override
			public HandlerMethodArgumentResolver prepare(MethodParameter parameter, WampParameterContext context) {
				throw new IllegalStateException("parameter " + parameter.getParameterIndex() + " needs @Tenant");
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				return "";
			}

		};
		this.registry.setHandlerMethodFactory(WampHandlerMethodFactory.builder(WampJsonConverter.shared())
			.customArgumentResolvers(List.of(strict))
			.build());
		assertThatExceptionOfType(InvalidWampEndpointException.class)
			.isThrownBy(() -> this.registry.registerEndpoint(procedure("a#echo", "com.example.echo", "", null)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies((problem) -> assertThat(problem.reason()).contains("'a#echo'")
					.contains("cannot be invoked: parameter 0 needs @Tenant")));
		assertThat(this.registry.getEndpoints()).isEmpty();
	}

	private static WampPeer peer(String name, String router, String prefix) {
		return WampPeer.builder(name)
			.routerName(router)
			.clientOptions(ClientOptions.builder("ws://localhost:9/ws", "realm1").build())
			.uriPrefix(prefix)
			.build();
	}

	private static WampProcedureEndpoint procedure(String id, String uri, String peer, InvokePolicy invoke) {
		RegisterOptions.Builder options = RegisterOptions.builder();
		if (invoke != null) {
			options.invoke(invoke);
		}
		return new WampProcedureEndpoint(id, uri, peer, options.build(), invoke != null, null, null, new Handlers(),
				method("echo"));
	}

	private static WampSubscriptionEndpoint subscription(String id, String uri, MatchPolicy match) {
		return new WampSubscriptionEndpoint(id, uri, "", new SubscribeOptions(match, Map.of()), null, null,
				new Handlers(), method("onNews"));
	}

	private static Method method(String name) {
		for (Method method : Handlers.class.getDeclaredMethods()) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

	static class Handlers {

		public String echo(String text) {
			return text;
		}

		public void onNews(String news) {
		}

	}

}
