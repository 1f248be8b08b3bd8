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
import io.wampspring.core.WampException;
import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * {@link BlockingWampOperations} over a {@link WampOperations}.
 */
final class BlockingWampTemplate implements BlockingWampOperations {

	private final WampOperations operations;

	private final Duration timeout;

	BlockingWampTemplate(WampOperations operations, Duration timeout) {
		this.operations = operations;
		this.timeout = timeout;
	}

	@Override
	public Duration timeout() {
		return this.timeout;
	}

	private <T> @Nullable T await(Mono<T> mono, String what) {
		try {
			return mono.block(this.timeout);
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Timeout on blocking read")) {
				throw new WampException(WampUris.TIMEOUT,
						what + " did not complete within " + this.timeout.toMillis() + " ms");
			}
			throw ex;
		}
	}

	private <T> T require(Mono<T> mono, String what) {
		T value = await(mono, what);
		if (value == null) {
			throw new WampException(WampUris.INVALID_ARGUMENT, what + " answered nothing");
		}
		return value;
	}

	@Override
	public CallResult call(String procedure, List<?> args, Map<String, ?> kwargs, CallOptions options) {
		return require(this.operations.call(procedure, args, kwargs, options), "call of '" + procedure + "'");
	}

	@Override
	public CallResult call(String procedure, @Nullable Object... args) {
		return require(this.operations.call(procedure, args), "call of '" + procedure + "'");
	}

	@Override
	public <T> @Nullable T call(String procedure, Class<T> resultType, @Nullable Object... args) {
		return await(this.operations.call(procedure, resultType, args), "call of '" + procedure + "'");
	}

	@Override
	public <T> @Nullable T call(String procedure, ParameterizedTypeReference<T> resultType, @Nullable Object... args) {
		return await(this.operations.call(procedure, resultType, args), "call of '" + procedure + "'");
	}

	@Override
	public <T> List<T> callProgressive(String procedure, Class<T> elementType, @Nullable Object... args) {
		return require(this.operations.callProgressive(procedure, elementType, args).collectList(),
				"call of '" + procedure + "'");
	}

	@Override
	public void publish(String topic, @Nullable Object... args) {
		await(this.operations.publish(topic, args), "publication to '" + topic + "'");
	}

	@Override
	public long publishAcknowledged(String topic, @Nullable Object... args) {
		return require(this.operations.publishAcknowledged(topic, args), "publication to '" + topic + "'");
	}

	@Override
	public @Nullable Long publish(String topic, List<?> args, Map<String, ?> kwargs, PublishOptions options) {
		return await(this.operations.publish(topic, args, kwargs, options), "publication to '" + topic + "'");
	}

	@Override
	public PeerRegistration register(String procedure, RegisterOptions options, InvocationHandler handler) {
		return require(this.operations.register(procedure, options, handler), "registration of '" + procedure + "'");
	}

	@Override
	public PeerSubscription subscribe(String topic, SubscribeOptions options, EventHandler handler) {
		return require(this.operations.subscribe(topic, options, handler), "subscription to '" + topic + "'");
	}

	@Override
	public List<HistoricEvent> eventHistory(String topic, int limit) {
		return require(this.operations.eventHistory(topic, limit), "event history of '" + topic + "'");
	}

	@Override
	public void unregister(PeerRegistration registration) {
		await(this.operations.unregister(registration), "unregistration of '" + registration.procedure() + "'");
	}

	@Override
	public void unsubscribe(PeerSubscription subscription) {
		await(this.operations.unsubscribe(subscription), "unsubscription from '" + subscription.topic() + "'");
	}

	@Override
	public Map<String, Object> whoami() {
		return require(this.operations.whoami(), "whoami");
	}

	@Override
	public Map<String, Object> rosterRegister(String roster, @Nullable Object data, @Nullable List<String> visibility) {
		return require(this.operations.rosterRegister(roster, data, visibility), "roster register");
	}

	@Override
	public <T> List<T> rosterQuery(String roster, Class<T> entryType) {
		return require(this.operations.rosterQuery(roster, entryType), "roster query");
	}

	@Override
	public boolean rosterUnregister(String roster) {
		return require(this.operations.rosterUnregister(roster), "roster unregister");
	}

	@Override
	public @Nullable Object metadataSet(String key, @Nullable Object value) {
		return await(this.operations.metadataSet(key, value), "metadata set");
	}

	@Override
	public <T> @Nullable T metadataGet(String key, Class<T> valueType) {
		return await(this.operations.metadataGet(key, valueType), "metadata get");
	}

	@Override
	public Map<String, Object> metadataList() {
		return require(this.operations.metadataList(), "metadata list");
	}

	@Override
	public boolean metadataDelete(String key) {
		return require(this.operations.metadataDelete(key), "metadata delete");
	}

	@Override
	public Map<String, Object> otpCreate(Map<String, ?> options) {
		return require(this.operations.otpCreate(options), "otp create");
	}

	@Override
	public List<Map<String, Object>> otpList() {
		return require(this.operations.otpList(), "otp list");
	}

	@Override
	public CallResult otpDelete(String key) {
		return require(this.operations.otpDelete(key), "otp delete");
	}

	@Override
	public Map<String, Object> apikeysCreate(Map<String, ?> values) {
		return require(this.operations.apikeysCreate(values), "apikeys create");
	}

	@Override
	public List<Map<String, Object>> apikeysList() {
		return require(this.operations.apikeysList(), "apikeys list");
	}

	@Override
	public CallResult apikeysDelete(String key) {
		return require(this.operations.apikeysDelete(key), "apikeys delete");
	}

}
