package io.wampspring.client.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.ClientOptions;
import io.wampspring.client.InvocationResult;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.WampClient;
import io.wampspring.client.reconnect.SessionState;
import io.wampspring.client.reconnect.SessionStateEvent;
import io.wampspring.client.support.ScriptedRouter;
import io.wampspring.client.transport.WebSocketTransport;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.ErrorMessage;
import io.wampspring.core.message.Invocation;
import io.wampspring.core.message.WampMessageType;
import io.wampspring.core.message.Yield;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router sends MessagePack with an extension type (as a peer behind it might) in one
 * message: only that message fails (an INVOCATION is answered with ERROR
 * {@code wamp.error.invalid_argument}, a RESULT fails its call), and the session goes on.
 */
@Timeout(30)
class UnreadablePayloadTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	// an extension type no WAMP peer defines
	private static final byte EXTENSION_TYPE = 42;

	private final ScriptedRouter router = new ScriptedRouter();

	private final List<SessionStateEvent> events = new CopyOnWriteArrayList<>();

	private WampClient client;

	private Disposable listening;

	@BeforeEach
	void connect() {
		// calls to com.payload.silent are left for the test to answer
		this.router.script((message) -> (message instanceof Call call && call.procedure().equals("com.payload.silent"))
				? List.of() : null)
			.start();
		this.client = WampClient.create(ClientOptions
			.builder(WebSocketTransport.builder(this.router.url()).serializers(WampCodecs.MSGPACK).build(), "realm1")
			.build());
		this.client.connect().block(WAIT);
		this.listening = this.client.stateEvents().skip(1).subscribe(this.events::add);
	}

	@AfterEach
	void stop() {
		this.listening.dispose();
		this.client.close().block(WAIT);
		this.router.stop();
	}

	@Test
	void anInvocationWithAnUnknownExtensionTypeIsAnsweredWithInvalidArgumentAndTheSessionStays() throws IOException {
		long session = this.client.sessionInfo().sessionId();
		Registration registration = this.client
			.register("com.payload.echo", RegisterOptions.defaults(),
					(invocation) -> Mono.just(InvocationResult.of(invocation.arg(0))))
			.block(WAIT);
		this.router.clearReceived();

		this.router.sendBinary(messageWithExtension(WampMessageType.INVOCATION, 7, registration.registrationId()));
		ErrorMessage error = this.router.await(ErrorMessage.class);
		assertThat(error.requestType()).isEqualTo(WampMessageType.INVOCATION);
		assertThat(error.requestId()).isEqualTo(7);
		assertThat(error.error()).isEqualTo(WampUris.INVALID_ARGUMENT);
		assertThat(error.args()).singleElement()
			.asString()
			.contains("could not read the invocation", "extension type " + EXTENSION_TYPE);

		this.router.send(new Invocation(8, registration.registrationId(), Map.of(), List.of("fine"), Map.of()));
		Yield yield = this.router.await(Yield.class);
		assertThat(yield.requestId()).isEqualTo(8);
		assertThat(yield.args()).containsExactly("fine");
		sessionStayed(session);
	}

	@Test
	void aResultWithAnUnknownExtensionTypeFailsOnlyItsCall() throws IOException {
		long session = this.client.sessionInfo().sessionId();
		Mono<CallResult> call = this.client.call("com.payload.silent", List.of(), Map.of(), CallOptions.defaults())
			.cache();
		call.subscribe(null, (e) -> {
		});
		Call sent = this.router.await(Call.class);

		this.router.sendBinary(messageWithExtension(WampMessageType.RESULT, sent.requestId(), 0));
		StepVerifier.create(call).expectErrorSatisfies((failure) -> {
			assertThat(((WampException) failure).getUri()).isEqualTo(WampUris.INVALID_ARGUMENT);
			assertThat(failure.getMessage()).contains("could not be read", "extension type " + EXTENSION_TYPE);
		}).verify(WAIT);

		CallResult echoed = this.client.call("com.payload.echo", List.of("still here")).block(WAIT);
		assertThat(echoed.args()).containsExactly("still here");
		sessionStayed(session);
	}

	private void sessionStayed(long session) {
		assertThat(this.client.state()).isEqualTo(SessionState.JOINED);
		assertThat(this.client.sessionInfo().sessionId()).isEqualTo(session);
		assertThat(this.events).isEmpty();
	}

	// [INVOCATION, id, registration, {}, [ext]] or [RESULT, id, {}, [ext]], in
	// MessagePack
	private static byte[] messageWithExtension(int type, long requestId, long registration) throws IOException {
		try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
			boolean invocation = type == WampMessageType.INVOCATION;
			packer.packArrayHeader(invocation ? 5 : 4);
			packer.packInt(type);
			packer.packLong(requestId);
			if (invocation) {
				packer.packLong(registration);
			}
			packer.packMapHeader(0);
			packer.packArrayHeader(1);
			packer.packExtensionTypeHeader(EXTENSION_TYPE, 3);
			packer.addPayload(new byte[] { 1, 2, 3 });
			return packer.toByteArray();
		}
	}

}
