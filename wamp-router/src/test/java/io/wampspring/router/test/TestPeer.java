package io.wampspring.router.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny WAMP peer for the router's tests: a Reactor Netty WebSocket client that sends
 * messages and lets a test await the messages it receives (a blocking queue with
 * timeouts).
 */
public final class TestPeer implements AutoCloseable {

	/** How long to wait for an expected message. */
	public static final Duration TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Features announced in HELLO: every client role with the advanced features the
	 * router supports.
	 */
	public static final Map<String, Object> ROLES = Map.of("caller",
			Map.of("features",
					Map.of("call_canceling", true, "progressive_call_results", true, "caller_identification", true,
							"call_timeout", true)),
			"callee",
			Map.of("features",
					Map.of("call_canceling", true, "progressive_call_results", true, "caller_identification", true,
							"pattern_based_registration", true, "shared_registration", true)),
			"publisher", Map.of("features", Map.of("publisher_exclusion", true, "publisher_identification", true)),
			"subscriber", Map.of("features", Map.of("pattern_based_subscription", true)));

	private final WampCodec codec;

	private final BlockingQueue<WampMessage> inbox = new LinkedBlockingQueue<>();

	private final Sinks.Many<WebSocketFrame> outbox = Sinks.many().unicast().onBackpressureBuffer();

	private final CompletableFuture<WebSocketCloseStatus> closeStatus = new CompletableFuture<>();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final Sinks.Empty<Void> stop = Sinks.empty();

	private final AtomicLong requestIds = new AtomicLong();

	private volatile long sessionId;

	private TestPeer(WampCodec codec) {
		this.codec = codec;
	}

	/**
	 * Connect with JSON.
	 * @param url the router URL
	 * @return the connected peer
	 */
	public static TestPeer connect(String url) {
		return connect(url, "wamp.2.json");
	}

	/**
	 * Connect offering subprotocols.
	 * @param url the router URL
	 * @param subprotocols comma-separated subprotocols in order of preference
	 * @return the connected peer (using the codec the router selected)
	 */
	public static TestPeer connect(String url, String subprotocols) {
		CompletableFuture<TestPeer> connected = new CompletableFuture<>();
		HttpClient client = HttpClient.create();
		if (url.startsWith("wss:")) {
			// Tests use self-signed certificates.
			client = client.secure((ssl) -> ssl.sslContext(insecureClientContext()));
		}
		client.websocket(
				WebsocketClientSpec.builder().protocols(subprotocols).maxFramePayloadLength(64 * 1024 * 1024).build())
			.uri(url)
			.handle((in, out) -> {
				WampCodec selected = WampCodecs.bySubprotocol(in.selectedSubprotocol());
				TestPeer peer = new TestPeer((selected != null) ? selected : WampCodecs.JSON);
				connected.complete(peer);
				in.receiveCloseStatus().subscribe(peer.closeStatus::complete);
				Mono<Void> receive = in.aggregateFrames(64 * 1024 * 1024)
					.receiveFrames()
					.doOnNext(peer::onFrame)
					.then()
					.doFinally((signal) -> peer.closed.complete(null));
				Mono<Void> send = out.sendObject(peer.outbox.asFlux()).then().then(Mono.never());
				return Mono.firstWithSignal(receive, send, peer.stop.asMono());
			})
			.subscribe(null, connected::completeExceptionally);
		return connected.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	private static io.netty.handler.ssl.SslContext insecureClientContext() {
		try {
			return io.netty.handler.ssl.SslContextBuilder.forClient()
				.trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
				.build();
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void onFrame(WebSocketFrame frame) {
		if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
			this.inbox.add(this.codec.decode(ByteBufUtil.getBytes(frame.content())));
		}
	}

	/**
	 * The codec the router selected.
	 * @return the codec
	 */
	public WampCodec codec() {
		return this.codec;
	}

	/**
	 * Send a message.
	 * @param message the message
	 */
	public synchronized void send(WampMessage message) {
		byte[] bytes = this.codec.encode(message);
		sendFrame(this.codec.isBinary() ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes))
				: new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
	}

	/**
	 * Send a raw text frame.
	 * @param text the frame's text
	 */
	public synchronized void sendText(String text) {
		sendFrame(new TextWebSocketFrame(text));
	}

	private void sendFrame(WebSocketFrame frame) {
		Sinks.EmitResult result = this.outbox.tryEmitNext(frame);
		// After the router closed the connection the outbox is cancelled: frames are
		// dropped.
		assertThat(result.isSuccess() || result == Sinks.EmitResult.FAIL_CANCELLED
				|| result == Sinks.EmitResult.FAIL_TERMINATED)
			.as("frame queued")
			.isTrue();
	}

	/**
	 * The next request id.
	 * @return an id
	 */
	public long nextId() {
		return this.requestIds.incrementAndGet();
	}

	/**
	 * The next message.
	 * @return the message
	 * @throws AssertionError when none arrives in time
	 */
	public WampMessage next() {
		WampMessage message = poll(TIMEOUT);
		assertThat(message).as("a message within " + TIMEOUT).isNotNull();
		return message;
	}

	/**
	 * The next message, or null.
	 * @param timeout how long to wait
	 * @return the message or null
	 */
	public @Nullable WampMessage poll(Duration timeout) {
		try {
			return this.inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The next message, which must be of a type.
	 * @param <T> the type
	 * @param type the message class
	 * @return the message
	 */
	public <T extends WampMessage> T expect(Class<T> type) {
		WampMessage message = next();
		assertThat(message).isInstanceOf(type);
		return type.cast(message);
	}

	/**
	 * Check that no message arrives for a short while.
	 * @param wait how long to watch
	 */
	public void expectNothing(Duration wait) {
		assertThat(poll(wait)).isNull();
	}

	/**
	 * Join a realm anonymously.
	 * @param realm the realm
	 * @return the session id
	 */
	public long join(String realm) {
		return join(realm, Map.of());
	}

	/**
	 * Join a realm with extra HELLO details.
	 * @param realm the realm
	 * @param details extra details (authid, authmethods, ...)
	 * @return the session id
	 */
	public long join(String realm, Map<String, Object> details) {
		send(hello(realm, details));
		Welcome welcome = expect(Welcome.class);
		this.sessionId = welcome.session();
		return welcome.session();
	}

	/**
	 * Join with a ticket.
	 * @param realm the realm
	 * @param authid the authid
	 * @param ticket the ticket
	 * @return the WELCOME or ABORT
	 */
	public WampMessage joinWithTicket(String realm, String authid, String ticket) {
		send(hello(realm, Map.of("authid", authid, "authmethods", List.of("ticket"))));
		WampMessage first = next();
		if (!(first instanceof Challenge challenge)) {
			return first;
		}
		assertThat(challenge.authMethod()).isEqualTo("ticket");
		send(new Authenticate(ticket, Map.of()));
		WampMessage answer = next();
		if (answer instanceof Welcome welcome) {
			this.sessionId = welcome.session();
		}
		return answer;
	}

	/**
	 * Build a HELLO with every client role, unless the details carry their own roles.
	 * @param realm the realm
	 * @param details extra details
	 * @return the message
	 */
	public static Hello hello(String realm, Map<String, Object> details) {
		Map<String, Object> all = new java.util.HashMap<>(details);
		all.putIfAbsent("roles", ROLES);
		return new Hello(realm, all);
	}

	/**
	 * The session id from WELCOME.
	 * @return the id
	 */
	public long sessionId() {
		return this.sessionId;
	}

	/**
	 * Register a procedure and await REGISTERED.
	 * @param procedure the URI
	 * @param options REGISTER options
	 * @return the registration id
	 */
	public long register(String procedure, Map<String, Object> options) {
		send(new Register(nextId(), options, procedure));
		return expect(Registered.class).registration();
	}

	/**
	 * Subscribe and await SUBSCRIBED.
	 * @param topic the topic
	 * @param options SUBSCRIBE options
	 * @return the subscription id
	 */
	public long subscribe(String topic, Map<String, Object> options) {
		send(new Subscribe(nextId(), options, topic));
		return expect(Subscribed.class).subscription();
	}

	/**
	 * Send a CALL.
	 * @param procedure the URI
	 * @param options CALL options
	 * @param args positional arguments
	 * @return the request id
	 */
	public long call(String procedure, Map<String, Object> options, Object... args) {
		long id = nextId();
		send(new Call(id, options, procedure, List.of(args), Map.of()));
		return id;
	}

	/**
	 * Send a PUBLISH.
	 * @param topic the topic
	 * @param options PUBLISH options
	 * @param args positional arguments
	 * @return the request id
	 */
	public long publish(String topic, Map<String, Object> options, Object... args) {
		long id = nextId();
		send(new Publish(id, options, topic, List.of(args), Map.of()));
		return id;
	}

	/**
	 * Await the end of the connection.
	 * @return true when the connection closed in time
	 */
	public boolean awaitClosed() {
		try {
			this.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Whether the connection has closed.
	 * @return true once closed
	 */
	public boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * Leave the realm: send GOODBYE and await the router's GOODBYE (the router has
	 * cleaned up the session by then).
	 */
	public void leave() {
		send(new io.wampspring.core.message.Goodbye(Map.of(), "wamp.close.normal"));
		expect(io.wampspring.core.message.Goodbye.class);
	}

	/**
	 * Expect an ABORT and return its reason.
	 * @return the ABORT
	 */
	public Abort expectAbort() {
		return expect(Abort.class);
	}

	@Override
	public void close() {
		this.stop.tryEmitEmpty();
		awaitClosed();
	}

}
