package io.wampspring.spring.listener.adapter;

import java.util.List;
import java.util.Map;

import io.wampspring.client.RegisterOptions;
import io.wampspring.client.Registration;
import io.wampspring.client.WampEvent;
import io.wampspring.client.WampInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Builds invocations and events without a session.
 */
final class TestMessages {

	private TestMessages() {
	}

	static WampInvocation invocation(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		return invocation(args, kwargs, Map.of());
	}

	static WampInvocation invocation(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			Map<String, Object> details) {
		return new WampInvocation("com.example.proc", args, kwargs, details, new StubRegistration());
	}

	static WampEvent event(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			Map<String, Object> details) {
		return new WampEvent("com.example.topic", 7L, args, kwargs, details);
	}

	private static final class StubRegistration implements Registration {

		@Override
		public String procedure() {
			return "com.example.proc";
		}

		@Override
		public RegisterOptions options() {
			return RegisterOptions.defaults();
		}

		@Override
		public long registrationId() {
			return 42;
		}

		@Override
		public boolean isActive() {
			return true;
		}

		@Override
		public Mono<Void> unregister() {
			return Mono.empty();
		}

	}

}
