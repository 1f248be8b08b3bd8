package io.wampspring.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.client.CallOptions;
import io.wampspring.client.CallResult;
import io.wampspring.client.EventHandler;
import io.wampspring.client.HistoricEvent;
import io.wampspring.client.InvocationHandler;
import io.wampspring.client.PublishOptions;
import io.wampspring.client.RegisterOptions;
import io.wampspring.client.SubscribeOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The blocking facade of {@link WampOperations}, for scripts, command-line tools and
 * tests: each method waits up to {@link #timeout()} and throws what the reactive
 * operation would have signalled (a {@link io.wampspring.core.WampException} for WAMP
 * errors). Never call it from a reactive pipeline or a Netty thread.
 */
public interface BlockingWampOperations {

	/**
	 * The longest wait of each operation.
	 * @return the timeout
	 */
	Duration timeout();

	/**
	 * See {@link WampOperations#call(String, List, Map, CallOptions)}.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param options the call options
	 * @return the raw result
	 */
	CallResult call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options);

	/**
	 * See {@link WampOperations#call(String, Object...)}.
	 * @param procedure the URI
	 * @param args positional arguments
	 * @return the raw result
	 */
	CallResult call(String procedure, @Nullable Object... args);

	/**
	 * See {@link WampOperations#call(String, Class, Object...)}.
	 * @param <T> the result type
	 * @param procedure the URI
	 * @param resultType the result class
	 * @param args positional arguments
	 * @return the result, or null when the callee answered nothing
	 */
	<T> @Nullable T call(String procedure, Class<T> resultType, @Nullable Object... args);

	/**
	 * See {@link WampOperations#call(String, ParameterizedTypeReference, Object...)}.
	 * @param <T> the result type
	 * @param procedure the URI
	 * @param resultType the result type
	 * @param args positional arguments
	 * @return the result, or null when the callee answered nothing
	 */
	<T> @Nullable T call(String procedure, ParameterizedTypeReference<T> resultType, @Nullable Object... args);

	/**
	 * See {@link WampOperations#callProgressive(String, Class, Object...)}.
	 * @param <T> the element type
	 * @param procedure the URI
	 * @param elementType the element class
	 * @param args positional arguments
	 * @return every result, in order
	 */
	<T> List<T> callProgressive(String procedure, Class<T> elementType, @Nullable Object... args);

	/**
	 * See {@link WampOperations#publish(String, Object...)}.
	 * @param topic the URI
	 * @param args positional arguments
	 */
	void publish(String topic, @Nullable Object... args);

	/**
	 * See {@link WampOperations#publishAcknowledged(String, Object...)}.
	 * @param topic the URI
	 * @param args positional arguments
	 * @return the publication id
	 */
	long publishAcknowledged(String topic, @Nullable Object... args);

	/**
	 * See {@link WampOperations#publish(String, List, Map, PublishOptions)}.
	 * @param topic the URI
	 * @param args positional arguments
	 * @param kwargs keyword arguments
	 * @param options the options
	 * @return the publication id when acknowledged, else null
	 */
	@Nullable Long publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions options);

	/**
	 * See {@link WampOperations#register(String, RegisterOptions, InvocationHandler)}.
	 * @param procedure the URI
	 * @param options the options
	 * @param handler the handler
	 * @return the registration
	 */
	PeerRegistration register(String procedure, RegisterOptions options, InvocationHandler handler);

	/**
	 * See {@link WampOperations#subscribe(String, SubscribeOptions, EventHandler)}.
	 * @param topic the URI
	 * @param options the options
	 * @param handler the handler
	 * @return the subscription
	 */
	PeerSubscription subscribe(String topic, SubscribeOptions options, EventHandler handler);

	/**
	 * See {@link WampOperations#unregister(PeerRegistration)}.
	 * @param registration the registration
	 */
	void unregister(PeerRegistration registration);

	/**
	 * See {@link WampOperations#unsubscribe(PeerSubscription)}.
	 * @param subscription the subscription
	 */
	void unsubscribe(PeerSubscription subscription);

	/**
	 * See {@link WampOperations#whoami()}.
	 * @return the identity
	 */
	Map<String, Object> whoami();

	/**
	 * See {@link WampOperations#rosterRegister(String, Object, List)}.
	 * @param roster the roster
	 * @param data the entry
	 * @param visibility the roles that may see it, or null for the router's default
	 * @return the roster record
	 */
	Map<String, Object> rosterRegister(String roster, @Nullable Object data, @Nullable List<String> visibility);

	/**
	 * See {@link WampOperations#rosterQuery(String, Class)}.
	 * @param <T> the entry type
	 * @param roster the roster
	 * @param entryType the entry class
	 * @return the entries
	 */
	<T> List<T> rosterQuery(String roster, Class<T> entryType);

	/**
	 * See {@link WampOperations#rosterUnregister(String)}.
	 * @param roster the roster
	 * @return whether an entry was removed
	 */
	boolean rosterUnregister(String roster);

	/**
	 * See {@link WampOperations#metadataSet(String, Object)}.
	 * @param key the key
	 * @param value the value
	 * @return the value as the router stored it
	 */
	@Nullable Object metadataSet(String key, @Nullable Object value);

	/**
	 * See {@link WampOperations#metadataGet(String, Class)}.
	 * @param <T> the value type
	 * @param key the key
	 * @param valueType the value class
	 * @return the value, or null
	 */
	<T> @Nullable T metadataGet(String key, Class<T> valueType);

	/**
	 * See {@link WampOperations#metadataList()}.
	 * @return every key and value
	 */
	Map<String, Object> metadataList();

	/**
	 * See {@link WampOperations#metadataDelete(String)}.
	 * @param key the key
	 * @return whether it existed
	 */
	boolean metadataDelete(String key);

	/**
	 * See {@link WampOperations#otpCreate(Map)}.
	 * @param options creation options
	 * @return the OTP record
	 */
	Map<String, Object> otpCreate(Map<String, ?> options);

	/**
	 * See {@link WampOperations#otpList()}.
	 * @return the OTP records
	 */
	List<Map<String, Object>> otpList();

	/**
	 * See {@link WampOperations#otpDelete(String)}.
	 * @param key the key
	 * @return the router's answer
	 */
	CallResult otpDelete(String key);

	/**
	 * See {@link WampOperations#apikeysCreate(Map)}.
	 * @param values the key's values
	 * @return the API key record
	 */
	Map<String, Object> apikeysCreate(Map<String, ?> values);

	/**
	 * See {@link WampOperations#apikeysList()}.
	 * @return the API key records
	 */
	List<Map<String, Object>> apikeysList();

	/**
	 * See {@link WampOperations#apikeysDelete(String)}.
	 * @param key the API key
	 * @return the router's answer
	 */
	CallResult apikeysDelete(String key);

	/**
	 * See {@link WampOperations#eventHistory(String, int)}.
	 * @param topic the topic URI
	 * @param limit at most this many events, at least 1
	 * @return the events, newest first
	 */
	List<HistoricEvent> eventHistory(String topic, int limit);

}
