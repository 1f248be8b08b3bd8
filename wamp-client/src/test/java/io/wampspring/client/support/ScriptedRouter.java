package io.wampspring.client.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.wampspring.core.WampUris;
import io.wampspring.core.codec.WampCodec;
import io.wampspring.core.codec.WampCodecs;
import io.wampspring.core.message.Abort;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Call;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Goodbye;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Publish;
import io.wampspring.core.message.Published;
import io.wampspring.core.message.Register;
import io.wampspring.core.message.Registered;
import io.wampspring.core.message.Result;
import io.wampspring.core.message.Subscribe;
import io.wampspring.core.message.Subscribed;
import io.wampspring.core.message.Unregister;
import io.wampspring.core.message.Unregistered;
import io.wampspring.core.message.Unsubscribe;
import io.wampspring.core.message.Unsubscribed;
import io.wampspring.core.message.WampMessage;
import io.wampspring.core.message.Welcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A minimal scripted WAMP router for client tests, on a real WebSocket: it answers HELLO
 * (optionally with a ticket CHALLENGE), REGISTER, SUBSCRIBE, PUBLISH and their opposites
 * with fixed answers, echoes CALL arguments unless a script says otherwise, records every
 * message it receives, and can push any message or raw text to the client. It can be
 * stopped and started again on the same port.
 */
public final class ScriptedRouter implements AutoCloseable {

	private final BlockingQueue<WampMessage> received = new LinkedBlockingQueue<>();

	private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

	private final AtomicLong ids = new AtomicLong(100);

	private final AtomicLong sessions = new AtomicLong(1000);

	private volatile @Nullable DisposableServer server;

	private volatile int port;

	private volatile @Nullable Channel current;

	private volatile @Nullable WampCodec currentCodec;

	private volatile @Nullable String ticket;

	private volatile boolean answerPings = true;

	private volatile @Nullable SslContext sslContext;

	private volatile Map<String, Object> dealerFeatures = Map.of("call_canceling", true, "progressive_call_results",
			true, "call_timeout", true);

	private final AtomicLong pings = new AtomicLong();

	private volatile Map<String, String> handshakeHeaders = Map.of();

	private volatile Function<WampMessage, @Nullable List<WampMessage>> script = (message) -> null;

	/**
	 * Require ticket authentication with this ticket.
	 * @param ticket the expected ticket, or null for anonymous
	 * @return this router
	 */
	public ScriptedRouter ticket(@Nullable String ticket) {
		this.ticket = ticket;
		return this;
	}

	/**
	 * The dealer features announced in WELCOME (default call_canceling,
	 * progressive_call_results, call_timeout).
	 * @param features the features
	 * @return this router
	 */
	public ScriptedRouter dealerFeatures(Map<String, Object> features) {
		this.dealerFeatures = features;
		return this;
	}

	/**
	 * Serve {@code wss://} with this server context.
	 * @param sslContext a server SslContext
	 * @return this router
	 */
	public ScriptedRouter secure(SslContext sslContext) {
		this.sslContext = sslContext;
		return this;
	}

	/**
	 * Whether to answer WebSocket pings (default true); false simulates a silent network.
	 * @param answer true to answer
	 * @return this router
	 */
	public ScriptedRouter answerPings(boolean answer) {
		this.answerPings = answer;
		return this;
	}

	/**
	 * How many WebSocket pings arrived.
	 * @return the count
	 */
	public long pings() {
		return this.pings.get();
	}

	/**
	 * The headers of the latest WebSocket handshake, with lower-case names.
	 * @return the headers
	 */
	public Map<String, String> handshakeHeaders() {
		return this.handshakeHeaders;
	}

	/**
	 * Answer messages with a script; it returns null to fall back to the default answers.
	 * @param script the script
	 * @return this router
	 */
	public ScriptedRouter script(Function<WampMessage, @Nullable List<WampMessage>> script) {
		this.script = script;
		return this;
	}

	/**
	 * Start on a port chosen by the OS.
	 * @return this router
	 */
	public ScriptedRouter start() {
		return start(0);
	}

	/**
	 * Start on a port.
	 * @param port the port, 0 for any
	 * @return this router
	 */
	public ScriptedRouter start(int port) {
		HttpServer server = HttpServer.create().host("127.0.0.1").port(port);
		SslContext ssl = this.sslContext;
		if (ssl != null) {
			server = server.secure((spec) -> spec.sslContext(ssl));
		}
		DisposableServer started = server.route((routes) -> routes.ws("/ws", (in, out) -> {
			WampCodec codec = WampCodecs.bySubprotocol(in.selectedSubprotocol());
			WampCodec chosen = (codec != null) ? codec : WampCodecs.JSON;
			Map<String, String> headers = new LinkedHashMap<>();
			in.headers()
				.forEach((entry) -> headers.put(entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getValue()));
			this.handshakeHeaders = headers;
			in.withConnection((connection) -> {
				this.current = connection.channel();
				this.currentCodec = chosen;
				this.channels.add(connection.channel());
				connection.onDispose(() -> this.channels.remove(connection.channel()));
			});
			Channel channel = this.current;
			return in.receiveFrames().doOnNext((frame) -> onFrame(channel, chosen, frame)).then();
		}, WebsocketServerSpec.builder().protocols("wamp.2.json,wamp.2.msgpack,wamp.2.cbor").handlePing(true).build()))
			.bindNow(Duration.ofSeconds(5));
		this.server = started;
		this.port = started.port();
		return this;
	}

	/**
	 * Stop: close the listening socket and every connection.
	 */
	public void stop() {
		for (Channel channel : this.channels) {
			channel.close().syncUninterruptibly();
		}
		DisposableServer running = this.server;
		if (running != null) {
			running.disposeNow(Duration.ofSeconds(5));
		}
		this.server = null;
	}

	/**
	 * Start again on the same port.
	 * @return this router
	 */
	public ScriptedRouter restart() {
		return start(this.port);
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * The port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The WebSocket URL.
	 * @return such as {@code ws://127.0.0.1:12345/ws}
	 */
	public String url() {
		return ((this.sslContext != null) ? "wss" : "ws") + "://127.0.0.1:" + this.port + "/ws";
	}

	/**
	 * Send a message to the latest client.
	 * @param message the message
	 */
	public void send(WampMessage message) {
		Channel channel = this.current;
		WampCodec codec = this.currentCodec;
		if (channel == null || codec == null) {
			throw new IllegalStateException("no client connected");
		}
		write(channel, codec, message);
	}

	/**
	 * Send a raw text frame to the latest client.
	 * @param text the frame's text
	 */
	public void sendRaw(String text) {
		Channel channel = this.current;
		if (channel == null) {
			throw new IllegalStateException("no client connected");
		}
		channel.writeAndFlush(new TextWebSocketFrame(text));
	}

	/**
	 * Send a raw binary frame to the latest client, for payloads no codec would write (a
	 * MessagePack extension type, say).
	 * @param bytes the frame's bytes
	 */
	public void sendBinary(byte[] bytes) {
		Channel channel = this.current;
		if (channel == null) {
			throw new IllegalStateException("no client connected");
		}
		channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
	}

	/**
	 * Wait for the next received message of a type, dropping others on the way.
	 * @param <T> the type
	 * @param type the message class
	 * @return the message
	 * @throws AssertionError when none arrives within 5 seconds
	 */
	public <T extends WampMessage> T await(Class<T> type) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				WampMessage message = this.received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
				if (message == null) {
					throw new AssertionError("router received no " + type.getSimpleName() + " within 5 s");
				}
				if (type.isInstance(message)) {
					return type.cast(message);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * Take every message received and not yet awaited.
	 * @return the messages, oldest first
	 */
	public List<WampMessage> takeAll() {
		List<WampMessage> messages = new ArrayList<>();
		this.received.drainTo(messages);
		return messages;
	}

	/**
	 * Forget every message received so far.
	 */
	public void clearReceived() {
		this.received.clear();
	}

	private void write(Channel channel, WampCodec codec, WampMessage message) {
		ByteBuf buffer = Unpooled.buffer();
		codec.encode(message, new ByteBufOutputStream(buffer));
		channel.writeAndFlush(codec.isBinary() ? new BinaryWebSocketFrame(buffer) : new TextWebSocketFrame(buffer));
	}

	private void onFrame(@Nullable Channel channel, WampCodec codec, WebSocketFrame frame) {
		if (channel != null && frame instanceof PingWebSocketFrame) {
			this.pings.incrementAndGet();
			if (this.answerPings) {
				channel.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
			}
			return;
		}
		if (channel == null || !(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
			return;
		}
		WampMessage message = codec.decode(new ByteBufInputStream(frame.content()));
		this.received.add(message);
		List<WampMessage> answers = this.script.apply(message);
		if (answers == null) {
			answers = defaultAnswers(message);
		}
		for (WampMessage answer : answers) {
			write(channel, codec, answer);
		}
	}

	private List<WampMessage> defaultAnswers(WampMessage message) {
		List<WampMessage> answers = new ArrayList<>();
		if (message instanceof Hello hello) {
			if (this.ticket != null) {
				answers.add(new Challenge("ticket", Map.of()));
			}
			else {
				String authid = Dicts.string(hello.details(), "authid");
				answers.add(welcome((authid != null) ? authid : "anonymous", "anonymous"));
			}
		}
		else if (message instanceof Authenticate authenticate) {
			if (authenticate.signature().equals(this.ticket)) {
				answers.add(welcome("joe", "ticket"));
			}
			else {
				answers.add(new Abort(Map.of("message", "invalid ticket"), WampUris.AUTHENTICATION_FAILED));
			}
		}
		else if (message instanceof Goodbye goodbye && !goodbye.reason().equals(WampUris.CLOSE_GOODBYE_AND_OUT)) {
			answers.add(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
		}
		else if (message instanceof Register register) {
			answers.add(new Registered(register.requestId(), this.ids.incrementAndGet()));
		}
		else if (message instanceof Unregister unregister) {
			answers.add(new Unregistered(unregister.requestId(), Map.of()));
		}
		else if (message instanceof Subscribe subscribe) {
			answers.add(new Subscribed(subscribe.requestId(), this.ids.incrementAndGet()));
		}
		else if (message instanceof Unsubscribe unsubscribe) {
			answers.add(new Unsubscribed(unsubscribe.requestId(), Map.of()));
		}
		else if (message instanceof Publish publish && Dicts.bool(publish.options(), "acknowledge", false)) {
			answers.add(new Published(publish.requestId(), this.ids.incrementAndGet()));
		}
		else if (message instanceof Call call) {
			answers.add(new Result(call.requestId(), Map.of(), call.args(), call.kwargs()));
		}
		return answers;
	}

	private Welcome welcome(String authid, String authmethod) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("authid", authid);
		details.put("authrole", "user");
		details.put("authmethod", authmethod);
		details.put("authprovider", "static");
		details.put("roles",
				Map.of("dealer", Map.of("features", this.dealerFeatures), "broker", Map.of("features", Map.of())));
		return new Welcome(this.sessions.incrementAndGet(), details);
	}

}
