package io.wampspring.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.wampspring.client.session.ClientSession;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * The Mono of {@link WampClient#call(String, List, Map, CallOptions)}: at each
 * subscription it takes the client's joined session and starts the call there, with no
 * operator chain in between; the session signals the outcome on the result scheduler.
 * When the client is not joined, the error is signalled on the result scheduler too.
 */
final class PlainCallMono extends Mono<CallResult> {

	private final WampClient client;

	private final String procedure;

	private final List<?> args;

	private final Map<String, ?> kwargs;

	private final CallOptions callOptions;

	PlainCallMono(WampClient client, String procedure, List<?> args, Map<String, ?> kwargs, CallOptions callOptions) {
		this.client = client;
		this.procedure = procedure;
		this.args = args;
		this.kwargs = kwargs;
		this.callOptions = callOptions;
	}

	@Override
	public void subscribe(CoreSubscriber<? super CallResult> actual) {
		ClientSession session;
		try {
			session = this.client.joinedSession("call", this.procedure);
		}
		catch (RuntimeException ex) {
			actual.onSubscribe(Operators.emptySubscription());
			Scheduler scheduler = this.client.options().resultScheduler();
			try {
				scheduler.schedule(() -> actual.onError(ex));
			}
			catch (RejectedExecutionException rejected) {
				actual.onError(ex);
			}
			return;
		}
		session.call(actual, this.procedure, this.args, this.kwargs, this.callOptions);
	}

}
