package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.core.WampUris;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Cancel;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Interrupt;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import io.wampspring.router.test.RouterFixture;
import io.wampspring.router.test.TestPeer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dealer over real WebSockets: match precedence, shared registrations, disclosure,
 * timeouts, progressive results, cancel modes and callees leaving.
 */
class DealerTests {

	private TestPeer caller;

	@RegisterExtension
	static final RouterFixture fixture = new RouterFixture(
			() -> WampRouter.builder().realm("realm1").webSocket("127.0.0.1", 0, "/ws").build().start());

	@BeforeEach
	void connectCaller() {
		this.caller = peer();
	}

	private TestPeer peer() {
		TestPeer peer = fixture.connect();
		peer.join("realm1");
		return peer;
	}

	private static Result answer(TestPeer callee, TestPeer caller, Object value) {
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(value), Map.of()));
		return caller.expect(Result.class);
	}

	@Test
	void routesCallAndResultWithKwargs() {
		TestPeer callee = peer();
		long registration = callee.register("com.example.add", Map.of());
		long request = this.caller.nextId();
		this.caller.send(new Call(request, Map.of(), "com.example.add", List.of(2, 3), Map.of("k", "v")));
		Invocation invocation = callee.expect(Invocation.class);
		assertThat(invocation.registration()).isEqualTo(registration);
		assertThat(invocation.args()).containsExactly(2L, 3L);
		assertThat(invocation.kwargs()).containsEntry("k", "v");
		assertThat(invocation.details()).doesNotContainKeys("caller", "procedure");
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(5), Map.of("sum", 5)));
		Result result = this.caller.expect(Result.class);
		assertThat(result.requestId()).isEqualTo(request);
		assertThat(result.args()).containsExactly(5L);
		assertThat(result.kwargs()).containsEntry("sum", 5L);
		var metrics = fixture.router().metrics();
		assertThat(metrics.calls()).isPositive();
		assertThat(metrics.sessions()).isGreaterThanOrEqualTo(2);
		assertThat(metrics.registrations()).isPositive();
	}

	@Test
	void answersNoSuchProcedureAndInvalidUri() {
		long request = this.caller.call("com.example.nobody", Map.of());
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.requestType()).isEqualTo(WampMessageType.CALL);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.NO_SUCH_PROCEDURE);
		// wamp-core's decoder rejects the URI but knows the request id: ERROR, the
		// session goes on.
		long bad = this.caller.call("com..bad uri", Map.of());
		ErrorMessage invalid = this.caller.expect(ErrorMessage.class);
		assertThat(invalid.requestType()).isEqualTo(WampMessageType.CALL);
		assertThat(invalid.requestId()).isEqualTo(bad);
		assertThat(invalid.error()).isEqualTo(WampUris.INVALID_URI);
		assertThat((String) invalid.args().get(0)).contains("com..bad uri");
		this.caller.call("wamp.session.count", Map.of());
		assertThat(this.caller.expect(Result.class).args()).hasSize(1);
	}

	@Test
	void exactThenLongestPrefixThenWildcard() {
		TestPeer exact = peer();
		TestPeer shortPrefix = peer();
		TestPeer longPrefix = peer();
		TestPeer wildcard = peer();
		exact.register("com.prec.a.b.c", Map.of());
		shortPrefix.register("com.prec.", Map.of("match", "prefix"));
		longPrefix.register("com.prec.a.", Map.of("match", "prefix"));
		wildcard.register("com..x.y", Map.of("match", "wildcard"));

		this.caller.call("com.prec.a.b.c", Map.of());
		assertThat(answer(exact, this.caller, "exact").args()).containsExactly("exact");

		this.caller.call("com.prec.a.z", Map.of());
		Invocation invocation = longPrefix.expect(Invocation.class);
		assertThat(invocation.details()).containsEntry("procedure", "com.prec.a.z");
		longPrefix.send(new Yield(invocation.requestId(), Map.of()));
		this.caller.expect(Result.class);

		this.caller.call("com.prec.b", Map.of());
		assertThat(answer(shortPrefix, this.caller, "short").args()).containsExactly("short");

		this.caller.call("com.other.x.y", Map.of());
		Invocation wild = wildcard.expect(Invocation.class);
		assertThat(wild.details()).containsEntry("procedure", "com.other.x.y");
		wildcard.send(new Yield(wild.requestId(), Map.of()));
		this.caller.expect(Result.class);
	}

	@Test
	void roundRobinAlternates() {
		TestPeer first = peer();
		TestPeer second = peer();
		first.register("com.example.rr", Map.of("invoke", "roundrobin"));
		second.register("com.example.rr", Map.of("invoke", "roundrobin"));
		List<Object> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			this.caller.call("com.example.rr", Map.of());
			TestPeer callee = (i % 2 == 0) ? first : second;
			answers.add(answer(callee, this.caller, (i % 2 == 0) ? "first" : "second").args().get(0));
		}
		assertThat(answers).containsExactly("first", "second", "first", "second");
	}

	@Test
	void firstLastAndRandomPolicies() {
		TestPeer a = peer();
		TestPeer b = peer();
		a.register("com.example.first", Map.of("invoke", "first"));
		b.register("com.example.first", Map.of("invoke", "first"));
		a.register("com.example.last", Map.of("invoke", "last"));
		b.register("com.example.last", Map.of("invoke", "last"));
		a.register("com.example.random", Map.of("invoke", "random"));
		b.register("com.example.random", Map.of("invoke", "random"));
		for (int i = 0; i < 2; i++) {
			this.caller.call("com.example.first", Map.of());
			answer(a, this.caller, "a");
			this.caller.call("com.example.last", Map.of());
			answer(b, this.caller, "b");
		}
		this.caller.call("com.example.random", Map.of());
		Invocation fromA = (Invocation) a.poll(Duration.ofMillis(300));
		Invocation invocation = (fromA != null) ? fromA : b.expect(Invocation.class);
		(fromA != null ? a : b).send(new Yield(invocation.requestId(), Map.of()));
		this.caller.expect(Result.class);
	}

	@Test
	void sharedRegistrationRulesAndForceReregister() {
		TestPeer a = peer();
		TestPeer b = peer();
		a.register("com.example.single", Map.of());
		b.send(new Register(1, Map.of(), "com.example.single"));
		ErrorMessage exists = b.expect(ErrorMessage.class);
		assertThat(exists.error()).isEqualTo(WampUris.PROCEDURE_ALREADY_EXISTS);

		a.register("com.example.policy", Map.of("invoke", "roundrobin"));
		b.send(new Register(2, Map.of("invoke", "random"), "com.example.policy"));
		ErrorMessage mismatch = b.expect(ErrorMessage.class);
		assertThat(mismatch.error()).isEqualTo(WampUris.PROCEDURE_ALREADY_EXISTS);
		assertThat((String) mismatch.args().get(0)).contains("roundrobin");

		long replaced = b.register("com.example.single", Map.of("force_reregister", true));
		this.caller.call("com.example.single", Map.of());
		assertThat(answer(b, this.caller, "b").args()).containsExactly("b");
		assertThat(replaced).isPositive();
		a.expectNothing(Duration.ofMillis(100));
	}

	@Test
	void disclosesCallerWhenAskedByCalleeOrCaller() {
		TestPeer callee = peer();
		callee.register("com.example.who", Map.of("disclose_caller", true));
		callee.register("com.example.anon", Map.of());
		this.caller.call("com.example.who", Map.of());
		Invocation invocation = callee.expect(Invocation.class);
		assertThat(invocation.details()).containsEntry("caller", this.caller.sessionId())
			.containsKeys("caller_authid", "caller_authrole");
		callee.send(new Yield(invocation.requestId(), Map.of()));
		this.caller.expect(Result.class);

		this.caller.call("com.example.anon", Map.of("disclose_me", true));
		Invocation disclosed = callee.expect(Invocation.class);
		assertThat(disclosed.details()).containsEntry("caller", this.caller.sessionId());
		callee.send(new Yield(disclosed.requestId(), Map.of()));
		this.caller.expect(Result.class);

		this.caller.call("com.example.anon", Map.of());
		Invocation hidden = callee.expect(Invocation.class);
		assertThat(hidden.details()).doesNotContainKey("caller");
		callee.send(new Yield(hidden.requestId(), Map.of()));
		this.caller.expect(Result.class);
	}

	@Test
	void timesOutWithInterruptAndTimeoutError() {
		TestPeer callee = peer();
		callee.register("com.example.slow", Map.of());
		long request = this.caller.call("com.example.slow", Map.of("timeout", 100));
		Invocation invocation = callee.expect(Invocation.class);
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.TIMEOUT);
		Interrupt interrupt = callee.expect(Interrupt.class);
		assertThat(interrupt.requestId()).isEqualTo(invocation.requestId());
		assertThat(interrupt.options()).containsEntry("mode", "killnowait");
		// A late answer is ignored.
		callee.send(new Yield(invocation.requestId(), Map.of()));
		this.caller.expectNothing(Duration.ofMillis(100));
	}

	@Test
	void forwardsProgressiveResults() {
		TestPeer callee = peer();
		callee.register("com.example.countdown", Map.of());
		long request = this.caller.call("com.example.countdown", Map.of("receive_progress", true));
		Invocation invocation = callee.expect(Invocation.class);
		assertThat(invocation.details()).containsEntry("receive_progress", true);
		for (int i = 3; i > 0; i--) {
			callee.send(new Yield(invocation.requestId(), Map.of("progress", true), List.of(i), Map.of()));
		}
		callee.send(new Yield(invocation.requestId(), Map.of(), List.of(0), Map.of()));
		for (int i = 3; i > 0; i--) {
			Result progress = this.caller.expect(Result.class);
			assertThat(progress.requestId()).isEqualTo(request);
			assertThat(progress.details()).containsEntry("progress", true);
			assertThat(progress.args()).containsExactly((long) i);
		}
		Result last = this.caller.expect(Result.class);
		assertThat(last.details()).doesNotContainKey("progress");
		assertThat(last.args()).containsExactly(0L);
	}

	@Test
	void cancelSkipKillAndKillNoWait() {
		TestPeer callee = peer();
		callee.register("com.example.cancel", Map.of());

		long skip = this.caller.call("com.example.cancel", Map.of());
		Invocation skipped = callee.expect(Invocation.class);
		this.caller.send(new Cancel(skip, Map.of("mode", "skip")));
		assertThat(this.caller.expect(ErrorMessage.class).error()).isEqualTo(WampUris.CANCELED);
		callee.expectNothing(Duration.ofMillis(100));
		callee.send(new Yield(skipped.requestId(), Map.of()));
		this.caller.expectNothing(Duration.ofMillis(100));

		long killNoWait = this.caller.call("com.example.cancel", Map.of());
		Invocation killedNoWait = callee.expect(Invocation.class);
		this.caller.send(new Cancel(killNoWait, Map.of("mode", "killnowait")));
		assertThat(this.caller.expect(ErrorMessage.class).error()).isEqualTo(WampUris.CANCELED);
		Interrupt interrupt = callee.expect(Interrupt.class);
		assertThat(interrupt.requestId()).isEqualTo(killedNoWait.requestId());
		assertThat(interrupt.options()).containsEntry("mode", "killnowait");

		long kill = this.caller.call("com.example.cancel", Map.of());
		Invocation killed = callee.expect(Invocation.class);
		this.caller.send(new Cancel(kill, Map.of("mode", "kill")));
		Interrupt killInterrupt = callee.expect(Interrupt.class);
		assertThat(killInterrupt.options()).containsEntry("mode", "kill");
		this.caller.expectNothing(Duration.ofMillis(100));
		callee.send(new ErrorMessage(WampMessageType.INVOCATION, killed.requestId(), Map.of(), WampUris.CANCELED,
				List.of("stopped"), Map.of()));
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(kill);
		assertThat(error.error()).isEqualTo(WampUris.CANCELED);
		assertThat(error.args()).containsExactly("stopped");
	}

	@Test
	void killGivesUpWaitingForACalleeThatNeverAnswersTheInterrupt() {
		TestPeer callee = peer();
		callee.register("com.example.mute", Map.of());
		long kill = this.caller.call("com.example.mute", Map.of());
		Invocation killed = callee.expect(Invocation.class);
		this.caller.send(new Cancel(kill, Map.of("mode", "kill")));
		assertThat(callee.expect(Interrupt.class).options()).containsEntry("mode", "kill");
		// Autobahn|Python 22 stops its handler on INTERRUPT but sends nothing.
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(kill);
		assertThat(error.error()).isEqualTo(WampUris.CANCELED);
		// A late answer is dropped.
		callee.send(new Yield(killed.requestId(), Map.of()));
		this.caller.expectNothing(Duration.ofMillis(100));
	}

	@Test
	void calleeLeavingFailsPendingCalls() {
		TestPeer callee = peer();
		callee.register("com.example.leaver", Map.of());
		long request = this.caller.call("com.example.leaver", Map.of());
		callee.expect(Invocation.class);
		callee.close();
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.requestId()).isEqualTo(request);
		assertThat(error.error()).isEqualTo(WampUris.CANCELED);
		this.caller.call("com.example.leaver", Map.of());
		assertThat(this.caller.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_PROCEDURE);
	}

	@Test
	void calleeErrorsAreForwardedAndUnregisterWorks() {
		TestPeer callee = peer();
		long registration = callee.register("com.example.fails", Map.of());
		this.caller.call("com.example.fails", Map.of());
		Invocation invocation = callee.expect(Invocation.class);
		callee.send(new ErrorMessage(WampMessageType.INVOCATION, invocation.requestId(), Map.of(),
				"com.example.error.bad", List.of("why"), Map.of("code", 7)));
		ErrorMessage error = this.caller.expect(ErrorMessage.class);
		assertThat(error.error()).isEqualTo("com.example.error.bad");
		assertThat(error.kwargs()).containsEntry("code", 7L);

		callee.send(new Unregister(50, registration));
		assertThat(callee.expect(Unregistered.class).requestId()).isEqualTo(50);
		callee.send(new Unregister(51, registration));
		assertThat(callee.expect(ErrorMessage.class).error()).isEqualTo(WampUris.NO_SUCH_REGISTRATION);
		callee.send(new Register(52, Map.of("invoke", "sideways"), "com.example.bad"));
		assertThat(callee.expect(ErrorMessage.class).error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		callee.send(new Register(53, Map.of(), "wamp.session.count"));
		assertThat(callee.expect(ErrorMessage.class).error()).isEqualTo(WampUris.PROCEDURE_ALREADY_EXISTS);
		// Registered acknowledgements keep arriving afterwards.
		callee.send(new Register(54, Map.of(), "com.example.fine"));
		assertThat(callee.expect(Registered.class).requestId()).isEqualTo(54);
	}

	@Test
	void passesCustomAttributesOnToTheCallee() {
		TestPeer callee = peer();
		callee.register("com.example.traced", Map.of());
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		this.caller.send(new Call(this.caller.nextId(),
				Map.of("_traceparent", traceparent, "_tracestate", "k=v", "_ab", "too short", "unknown_key", 1),
				"com.example.traced", List.of(), Map.of()));
		Invocation invocation = callee.expect(Invocation.class);
		assertThat(invocation.details()).containsEntry("_traceparent", traceparent)
			.containsEntry("_tracestate", "k=v")
			.doesNotContainKeys("_ab", "unknown_key");
	}

}
