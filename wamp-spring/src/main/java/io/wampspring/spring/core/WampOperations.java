package io.wampspring.spring.core;

import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.EventHandler;
import io.wampspring.client.InvocationHandler;
import io.wampspring.client.HistoricEvent;
import io.wampspring.client.Payload;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import io.wampspring.spring.peer.WampSessionCredentials;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Reactive WAMP operations on one peer: calls (typed, progressive), publications,
 * run-time registrations and subscriptions, and helpers for Zaber's Nexus services (sent
 * to the peer's primary session, as they act on the session's own state). URIs that start
 * with a dot are relative to the peer's uri-prefix. Errors travel as {@code Mono.error}
 * with a {@link io.wampspring.core.WampException} carrying the router's or callee's URI.
 * Implemented by {@link WampTemplate}.
 */
public interface WampOperations {

	/**
	 * Call a procedure.
	 * @param procedure the URI
	 * @param args positional arguments (converted to the wire with Jackson)
	 * @param kwargs keyword arguments (converted to the wire with Jackson)
	 * @param options the call options
	 * @return the raw result
	 */
	Mono<CallResult> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options);

	/**
	 * Call a procedure with positional arguments and the default options.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @return the raw result
	 */
	Mono<CallResult> call(String procedure, @Nullable Object... args);

	/**
	 * Call a procedure and convert its result: the only positional result, else all of
	 * them as a list, else the keyword results;
	 * {@link io.wampspring.spring.support.WampResult} and {@link CallResult} receive
	 * everything.
	 * @param <T> the result type
	 * @param procedure the URI
	 * @param resultType the result class
	 * @param args positional arguments
	 * @return the converted result; empty when the callee answered nothing
	 */
	<T> Mono<T> call(String procedure, Class<T> resultType, @Nullable Object... args);

	/**
	 * Call a procedure and convert its result to a generic type.
	 * @param <T> the result type
	 * @param procedure the URI
	 * @param resultType the result type, such as {@code new
	 * ParameterizedTypeReference<List<Order>>() {}}
	 * @param args positional arguments
	 * @return the converted result; empty when the callee answered nothing
	 */
	<T> Mono<T> call(String procedure, ParameterizedTypeReference<T> resultType, @Nullable Object... args);

	/**
	 * Call a procedure with every part and convert its result.
	 * @param <T> the result type
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param options the call options
	 * @param resultType the result class
	 * @return the converted result; empty when the callee answered nothing
	 */
	<T> Mono<T> call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options, Class<T> resultType);

	/**
	 * Call a procedure and receive its progressive results, then the final one.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param options the call options
	 * @return the results
	 */
	Flux<CallResult> callProgressive(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options);

	/**
	 * Call a procedure and receive its progressive results converted, then the final one.
	 * Results without a value (such as an empty final YIELD) are skipped.
	 * @param <T> the element type
	 * @param procedure the URI
	 * @param elementType the element class
	 * @param args positional arguments
	 * @return the converted results
	 */
	<T> Flux<T> callProgressive(String procedure, Class<T> elementType, @Nullable Object... args);

	/**
	 * Call a procedure streaming its arguments as progressive call invocations
	 * ({@code progressive_call_invocations}; see
	 * {@code WampClient.callProgressive(String, Publisher, CallOptions)}): one CALL per
	 * chunk under one request id, then a final CALL; the callee may answer with
	 * progressive results while the chunks flow.
	 * @param procedure the URI
	 * @param chunks the arguments, one chunk each
	 * @param options the call options, frozen by the first CALL
	 * @return the progressive results, then the final one; fails before anything is sent
	 * with {@code wamp.error.feature_not_supported} when the router did not announce the
	 * feature
	 */
	Flux<CallResult> callProgressive(String procedure, Publisher<Payload> chunks, CallOptions options);

	/**
	 * Call a procedure streaming its arguments, each element as the one positional
	 * argument of its chunk (a {@link Payload} element is sent as it is), and receive the
	 * results converted; results without a value are skipped.
	 * @param <T> the element type of the results
	 * @param procedure the URI
	 * @param arguments the arguments, converted like those of
	 * {@link #call(String, List, Map, CallOptions, Class)}
	 * @param elementType the result class
	 * @return the converted results
	 */
	<T> Flux<T> callProgressive(String procedure, Publisher<?> arguments, Class<T> elementType);

	/**
	 * Publish an event without acknowledgement.
	 * @param topic the URI
	 * @param args positional arguments
	 * @return completes once the event was written
	 */
	Mono<Void> publish(String topic, @Nullable Object... args);

	/**
	 * Publish an event and wait for the router's acknowledgement.
	 * @param topic the URI
	 * @param args positional arguments
	 * @return the publication id
	 */
	Mono<Long> publishAcknowledged(String topic, @Nullable Object... args);

	/**
	 * Publish an event with every part.
	 * @param topic the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param options the publish options (acknowledge, exclude_me, black- and whitelists)
	 * @return the publication id when acknowledged, else empty
	 */
	Mono<Long> publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions options);

	/**
	 * Register a procedure at run time on every session of the peer (a pooled peer
	 * registers with {@code roundrobin} unless the options say otherwise).
	 * @param procedure the URI
	 * @param options the options
	 * @param handler the handler
	 * @return the registration
	 */
	Mono<PeerRegistration> register(String procedure, RegisterOptions options, InvocationHandler handler);

	/**
	 * Remove a run-time registration.
	 * @param registration the registration
	 * @return completes when done
	 */
	Mono<Void> unregister(PeerRegistration registration);

	/**
	 * Subscribe at run time on one session of the peer's pool (on every session, each
	 * event would be handled once per session): session 0 first; the subscription moves
	 * to another session of the pool when that one leaves (see
	 * {@code WampPeer#subscribe}).
	 * @param topic the URI
	 * @param options the options
	 * @param handler the handler
	 * @return the subscription
	 */
	Mono<PeerSubscription> subscribe(String topic, SubscribeOptions options, EventHandler handler);

	/**
	 * Remove a run-time subscription.
	 * @param subscription the subscription
	 * @return completes when done
	 */
	Mono<Void> unsubscribe(PeerSubscription subscription);

	/**
	 * Nexus {@code auth.whoami}: the session's identity.
	 * @return the identity (authid, role, session, ...)
	 */
	Mono<Map<String, Object>> whoami();

	/**
	 * Nexus {@code system.roster.register}: add this session to a roster while it lives
	 * (registering again replaces the entry).
	 * @param roster the roster name
	 * @param data the entry
	 * @param visibility the roles that may see it ({@code *} for all); null for the
	 * router's default (Nexus: every role; the embedded router: the caller's own role)
	 * @return the roster record, as Nexus answers (such as {@code name}, {@code data},
	 * {@code visibility}, {@code session_id}, {@code uuid}, {@code created})
	 */
	Mono<Map<String, Object>> rosterRegister(String roster, @Nullable Object data, @Nullable List<String> visibility);

	/**
	 * Nexus {@code system.roster.query}: the entries of a roster this session may see.
	 * @param <T> the entry type
	 * @param roster the roster name
	 * @param entryType the entry class
	 * @return the entries
	 */
	<T> Mono<List<T>> rosterQuery(String roster, Class<T> entryType);

	/**
	 * Nexus {@code system.roster.unregister}: remove this session from a roster.
	 * @param roster the roster name
	 * @return whether an entry was removed
	 */
	Mono<Boolean> rosterUnregister(String roster);

	/**
	 * Nexus {@code my.metadata.set}: a value of the caller's authid.
	 * @param key the key
	 * @param value the value
	 * @return the value as the router stored it (maps, lists, strings, numbers,
	 * booleans); empty for a null value
	 */
	Mono<Object> metadataSet(String key, @Nullable Object value);

	/**
	 * Nexus {@code my.metadata.get}.
	 * @param <T> the value type
	 * @param key the key
	 * @param valueType the value class
	 * @return the value; empty when absent
	 */
	<T> Mono<T> metadataGet(String key, Class<T> valueType);

	/**
	 * Nexus {@code my.metadata.list}.
	 * @return every key with its record, as Nexus answers: key to a map with
	 * {@code value} (and the router's {@code uuid} and {@code owner})
	 */
	Mono<Map<String, Object>> metadataList();

	/**
	 * Nexus {@code my.metadata.delete}.
	 * @param key the key
	 * @return whether it existed
	 */
	Mono<Boolean> metadataDelete(String key);

	/**
	 * Nexus {@code my.otp.create}: a one-time password, a ticket for the caller's authid
	 * that works once and expires (after 10 minutes on Nexus and by default on the
	 * embedded router). Only a session that logged in with its own credentials may create
	 * one.
	 * @param options creation options (router specific; the embedded router and Nexus
	 * take none); may be empty
	 * @return the OTP record ({@code plaintext_key}, {@code login}, {@code expires},
	 * {@code uuid}, ...); the plaintext is shown only here
	 */
	Mono<Map<String, Object>> otpCreate(Map<String, ?> options);

	/**
	 * Nexus {@code my.otp.list}.
	 * @return the OTP records
	 */
	Mono<List<Map<String, Object>>> otpList();

	/**
	 * Nexus {@code my.otp.delete}.
	 * @param key the OTP's {@code uuid}
	 * @return the router's answer
	 */
	Mono<CallResult> otpDelete(String key);

	/**
	 * Nexus {@code my.apikeys.create}: a ticket for the caller's authid that works until
	 * it expires or is deleted, limited to its permissions. Only a session that logged in
	 * with its own credentials may create one.
	 * @param values the key's values: {@code description}, {@code expires} (ISO-8601 with
	 * a zone), {@code permissions} (a list of {@code {"uri": "com.example.*", "perms":
	 * "cs"}}); may be empty
	 * @return the API key record ({@code plaintext_key}, {@code uuid}, {@code key}, ...);
	 * the plaintext is shown only here
	 */
	Mono<Map<String, Object>> apikeysCreate(Map<String, ?> values);

	/**
	 * Nexus {@code my.apikeys.list}.
	 * @return the API key records (without their plaintext on the embedded router)
	 */
	Mono<List<Map<String, Object>>> apikeysList();

	/**
	 * Nexus {@code my.apikeys.delete}; sessions that logged in with the key may do
	 * nothing more on the embedded router.
	 * @param key the API key's {@code uuid}
	 * @return the router's answer
	 */
	Mono<CallResult> apikeysDelete(String key);

	/**
	 * Re-open the sessions of the peer under other credentials; registrations and
	 * subscriptions are restored on the new sessions.
	 * @param credentials who the sessions join as
	 * @return completes when every session joined again
	 * @see io.wampspring.spring.peer.WampPeer#changeUser(WampSessionCredentials)
	 */
	Mono<Void> changeUser(WampSessionCredentials credentials);

	/**
	 * Open one more session to the peer's router under other credentials, with operations
	 * of the same settings bound to it. Close it when done.
	 * @param credentials who the session joins as
	 * @return the joined session
	 */
	Mono<WampExtraSession> openSession(WampSessionCredentials credentials);

	/**
	 * The blocking facade of these operations, for scripts and tests.
	 * @return the facade
	 */
	BlockingWampOperations blocking();

	/**
	 * The router's event history of a topic: looks up the router's subscription of the
	 * topic ({@code wamp.subscription.lookup}, exact match) and asks for its last events
	 * ({@code wamp.subscription.get_events}). The topic must have a subscription at the
	 * router (the application's own {@code @WampSubscribe} is one) and a history (the
	 * embedded router's {@code event-history} realm setting, Crossbar.io's event store).
	 * @param topic the topic URI
	 * @param limit at most this many events, at least 1
	 * @return the events, newest first; an error with
	 * {@code wamp.error.no_such_subscription} when nobody subscribes to the topic,
	 * {@code wamp.error.history_unavailable} when no history is kept
	 */
	default Mono<List<HistoricEvent>> eventHistory(String topic, int limit) {
		if (limit < 1) {
			return Mono.error(new IllegalArgumentException("limit must be at least 1, got " + limit));
		}
		return call("wamp.subscription.lookup", List.of(topic), Map.of(), CallOptions.defaults()).flatMap((lookup) -> {
			if (!(lookup.arg(0) instanceof Number id)) {
				return Mono.error(new WampException(WampUris.NO_SUCH_SUBSCRIPTION,
						"the router has no subscription to '" + topic + "', so it keeps no history for it"));
			}
			return call(HistoricEvent.GET_EVENTS, List.of(id.longValue(), limit), Map.of(), CallOptions.defaults());
		}).map(HistoricEvent::listOf);
	}

}
