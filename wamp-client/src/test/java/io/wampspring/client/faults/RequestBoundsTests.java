package io.wampspring.client.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientLimits;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.WampClient;
import io.wampspring.client.support.Clients;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Unregister;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bound of a request, on real sockets: a register canceled before the router
 * confirmed is undone, progressive results beyond the buffer fail their call, a handler
 * Flux that ignores demand is buffered up to the limit and then fails with a message that
 * says what to do, the default call timeout applies unless a call waits without one, and
 * the pending-call limit refuses the next call.
 */
@Timeout(30)
class RequestBoundsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Clients clients = new Clients();

	private WampRouter router;

	private ScriptedRouter scripted;

	private WampClient callee;

	private WampClient caller;

	@AfterEach
	void stop() {
		this.clients.close();
		if (this.router != null) {
			this.router.stop();
		}
		if (this.scripted != null) {
			this.scripted.stop();
		}
	}

	@Test
	void aRegisterCanceledBeforeTheRouterConfirmedIsUndoneAtOnce() {
		this.scripted = new ScriptedRouter().script((message) -> (message instanceof Register) ? List.of() : null)
			.start();
		this.caller = this.clients.connect(ClientOptions.builder(this.scripted.url(), "realm1").build());
		Disposable registering = this.caller
			.register("com.bounds.late", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.empty()))
			.subscribe();
		Register register = this.scripted.await(Register.class);

		registering.dispose();
		this.scripted.send(new Registered(register.requestId(), 555));
		Unregister unregister = this.scripted.await(Unregister.class);
		assertThat(unregister.registration()).isEqualTo(555);
	}

	@Test
	void progressiveResultsBeyondTheBufferFailTheCallWithAClearMessage() {
		startEmbedded(ClientLimits.defaults().mutate().progressiveBuffer(8).build());
		this.callee
			.register("com.bounds.many", RegisterOptions.defaults(),
					(invocation) -> Flux.range(0, 100).map(InvocationResult::of))
			.block(WAIT);

		// a subscriber that takes one result and then none
		StepVerifier
			.create(this.caller.callProgressive("com.bounds.many", List.of(), Map.of(), CallOptions.defaults()), 1)
			.expectNextCount(1)
			.expectNoEvent(Duration.ofMillis(300))
			.thenRequest(Long.MAX_VALUE)
			.thenConsumeWhile((result) -> true)
			.expectErrorSatisfies((error) -> {
				assertThat(((WampException) error).getUri()).isEqualTo(WampUris.CANCELED);
				assertThat(error.getMessage()).contains("more than 8 progressive results of 'com.bounds.many'",
						"request them faster", "progressive buffer");
			})
			.verify(WAIT);
	}

	@Test
	void aHandlerFluxThatIgnoresDemandIsBufferedUpToTheLimitThenFailsNamingTheFix() {
		startEmbedded(ClientLimits.defaults());
		this.callee
			.register("com.bounds.interval", RegisterOptions.defaults(),
					(invocation) -> Flux.interval(Duration.ofMillis(1)).take(200).map(InvocationResult::of))
			.block(WAIT);
		this.callee.register("com.bounds.ignore", RegisterOptions.defaults(), (invocation) -> Flux.create((sink) -> {
			for (int i = 0; i < 10_000; i++) {
				sink.next(InvocationResult.of(i));
			}
			sink.complete();
		}, FluxSink.OverflowStrategy.IGNORE)).block(WAIT);

		List<CallResult> ticks = this.caller
			.callProgressive("com.bounds.interval", List.of(), Map.of(), CallOptions.defaults())
			.collectList()
			.block(WAIT);
		assertThat(ticks).hasSize(200);
		assertThat(ticks.get(199).args()).containsExactly(199L);

		StepVerifier
			.create(this.caller.callProgressive("com.bounds.ignore", List.of(), Map.of(), CallOptions.defaults()))
			.thenConsumeWhile((result) -> true)
			.expectErrorSatisfies((error) -> assertThat(error.getMessage())
				.contains("more than 256 progressive results ahead of the connection", "onBackpressureBuffer"))
			.verify(WAIT);
	}

	@Test
	void theDefaultCallTimeoutAppliesUnlessACallAsksToWaitWithoutOne() {
		startEmbedded(ClientLimits.defaults().mutate().defaultCallTimeout(Duration.ofMillis(300)).build());
		this.callee.register("com.bounds.never", RegisterOptions.defaults(), (invocation) -> Mono.never()).block(WAIT);

		long started = System.nanoTime();
		StepVerifier.create(this.caller.call("com.bounds.never"))
			.expectErrorSatisfies((error) -> assertThat(((WampException) error).getUri()).isEqualTo(WampUris.TIMEOUT))
			.verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
				Duration.ofSeconds(3));

		StepVerifier
			.create(this.caller.call("com.bounds.never", List.of(), Map.of(),
					CallOptions.builder().noTimeout().build()))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void thePendingCallLimitRefusesTheNextCallAtOnce() {
		startEmbedded(ClientLimits.defaults().mutate().maxPendingCalls(2).build());
		this.callee.register("com.bounds.never", RegisterOptions.defaults(), (invocation) -> Mono.never()).block(WAIT);
		Disposable first = this.caller.call("com.bounds.never").subscribe(null, (e) -> {
		});
		Disposable second = this.caller.call("com.bounds.never").subscribe(null, (e) -> {
		});

		StepVerifier.create(this.caller.call("com.bounds.never")).expectErrorSatisfies((error) -> {
			assertThat(((WampException) error).getUri()).isEqualTo(WampUris.UNAVAILABLE);
			assertThat(error.getMessage()).contains("2 calls of this session already wait", "limit 2");
		}).verify(Duration.ofSeconds(1));
		first.dispose();
		second.dispose();
		// a canceled call frees its place
		StepVerifier.create(this.caller.call("com.bounds.never").timeout(Duration.ofMillis(200)))
			.expectError(java.util.concurrent.TimeoutException.class)
			.verify(WAIT);
	}

	// an embedded router, a callee with default limits and a caller with these
	private void startEmbedded(ClientLimits callerLimits) {
		this.router = Clients.embeddedRouter();
		this.callee = this.clients.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").build());
		this.caller = this.clients
			.connect(ClientOptions.builder(this.router.webSocketUrl(), "realm1").limits(callerLimits).build());
	}

}
