package io.wampspring.client.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.client.ClientOptions;
import io.wampspring.client.auth.AuthContext;
import io.wampspring.client.auth.ClientAuthenticator;
import io.wampspring.client.transport.WampConnection;
import io.wampspring.core.message.Authenticate;
import io.wampspring.core.message.Challenge;
import io.wampspring.core.message.Dicts;
import io.wampspring.core.message.Hello;
import io.wampspring.core.message.Welcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Opening a session: the HELLO with the roles, features and authentication methods, the
 * answer to each CHALLENGE, and the check of the router's own proof in WELCOME
 * (WAMP-SCRAM authenticates the router too). Written once per session, on the I/O thread
 * after HELLO.
 */
final class Handshake {

	private final ClientOptions options;

	private final WampConnection connection;

	// the authentication exchanges of this HELLO, by method; written before HELLO is sent
	private Map<String, ClientAuthenticator.Exchange> exchanges = Map.of();

	private @Nullable String challengedMethod;

	Handshake(ClientOptions options, WampConnection connection) {
		this.options = options;
		this.connection = connection;
	}

	/**
	 * Build HELLO and start an exchange per authenticator.
	 * @throws IllegalStateException or IllegalArgumentException when an authenticator
	 * cannot work with these settings or this connection
	 */
	Hello hello() {
		Map<String, Object> details = new LinkedHashMap<>();
		Map<String, Object> roles = new LinkedHashMap<>();
		this.options.roleFeatures().forEach((role, features) -> roles.put(role, Map.of("features", features)));
		details.put("roles", roles);
		details.put("agent", "wamp-spring-boot");
		if (this.options.authid() != null) {
			details.put("authid", this.options.authid());
		}
		if (this.options.authrole() != null) {
			details.put("authrole", this.options.authrole());
		}
		List<Object> methods = new ArrayList<>();
		Map<String, Object> authExtra = new LinkedHashMap<>();
		Map<String, ClientAuthenticator.Exchange> started = new LinkedHashMap<>();
		AuthContext context = new AuthContext(this.options.realm(), this.options.authid(),
				this.options.transport().describe(), this.connection.isSecure(), this.connection::channelBinding);
		for (ClientAuthenticator authenticator : this.options.authenticators()) {
			ClientAuthenticator.Exchange exchange = authenticator.start(context);
			started.put(authenticator.authMethod(), exchange);
			methods.add(authenticator.authMethod());
			authExtra.putAll(exchange.helloAuthExtra());
		}
		this.exchanges = Collections.unmodifiableMap(started);
		details.put("authmethods", methods);
		if (!authExtra.isEmpty()) {
			details.put("authextra", authExtra);
		}
		return new Hello(this.options.realm(), details);
	}

	/**
	 * The exchange that answers a challenge.
	 * @return the exchange, or null when the client did not offer that method
	 */
	ClientAuthenticator.@Nullable Exchange challenged(Challenge challenge) {
		ClientAuthenticator.Exchange exchange = this.exchanges.get(challenge.authMethod());
		if (exchange != null) {
			this.challengedMethod = challenge.authMethod();
		}
		return exchange;
	}

	String offeredMethods() {
		return String.valueOf(this.exchanges.keySet());
	}

	/**
	 * Answer a challenge.
	 * @return a Mono that completes when AUTHENTICATE was written
	 */
	Mono<Void> answer(ClientAuthenticator.Exchange exchange, Challenge challenge) {
		return Mono.defer(() -> exchange.respond(challenge.extra()))
			.flatMap((response) -> this.connection.send(new Authenticate(response.signature(), response.extra())));
	}

	/**
	 * Check the router's proof in WELCOME, for methods that authenticate the router.
	 * @throws IllegalStateException or IllegalArgumentException when the proof is wrong
	 */
	void verifyWelcome(Welcome welcome) {
		String method = Dicts.string(welcome.details(), "authmethod");
		String challenged = this.challengedMethod;
		if (method == null) {
			method = challenged;
		}
		ClientAuthenticator.Exchange exchange = (method != null) ? this.exchanges.get(method) : null;
		if (exchange == null) {
			return;
		}
		Map<String, Object> authExtra = Dicts.dict(welcome.details(), "authextra");
		exchange.verifyWelcome((authExtra != null) ? authExtra : Map.of(), method.equals(challenged));
	}

}
