package io.wampspring.spring.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session meta API of the router ({@code wamp.session.*}) as typed calls, from
 * {@link WampTemplate#sessionMeta()}. The router decides who may call these (an embedded
 * router's realm grants them like any procedure).
 *
 * <pre class="code">
 * long others = template.sessionMeta().count().block();
 * template.sessionMeta().onLeave().subscribe((left) -&gt; log.info("{} left", left.authid()));
 * </pre>
 */
public final class WampSessionMeta {

	private final MetaCalls calls;

	WampSessionMeta(WampTemplate template) {
		this.calls = new MetaCalls(template);
	}

	/**
	 * How many sessions are joined to the realm ({@code wamp.session.count}).
	 * @return the count
	 */
	public Mono<Long> count() {
		return this.calls.call("wamp.session.count", List.of(), Map.of(), MetaCalls::id);
	}

	/**
	 * How many sessions with one of some authroles are joined.
	 * @param authroles the roles to count
	 * @return the count
	 */
	public Mono<Long> count(List<String> authroles) {
		return this.calls.call("wamp.session.count", List.of(authroles), Map.of(), MetaCalls::id);
	}

	/**
	 * The ids of the joined sessions ({@code wamp.session.list}).
	 * @return the ids, in no order
	 */
	public Mono<List<Long>> list() {
		return this.calls.call("wamp.session.list", List.of(), Map.of(), MetaCalls::ids);
	}

	/**
	 * The ids of the joined sessions with one of some authroles.
	 * @param authroles the roles to list
	 * @return the ids, in no order
	 */
	public Mono<List<Long>> list(List<String> authroles) {
		return this.calls.call("wamp.session.list", List.of(authroles), Map.of(), MetaCalls::ids);
	}

	/**
	 * One session ({@code wamp.session.get}).
	 * @param sessionId the session id
	 * @return its details; an error {@code wamp.error.no_such_session} when it is not
	 * joined
	 */
	public Mono<SessionDetails> get(long sessionId) {
		return this.calls.call("wamp.session.get", List.of(sessionId), Map.of(),
				(value) -> SessionDetails.of(MetaCalls.dict(value)));
	}

	/**
	 * Close another session with {@code wamp.close.normal} ({@code wamp.session.kill}).
	 * @param sessionId the session id
	 * @return completes when the router closed it; an error
	 * {@code wamp.error.no_such_session} for an unknown id or the caller's own session
	 */
	public Mono<Void> kill(long sessionId) {
		return kill(sessionId, null, null);
	}

	/**
	 * Close another session.
	 * @param sessionId the session id
	 * @param reason the GOODBYE reason URI, or null for {@code wamp.close.normal}
	 * @param message the GOODBYE message, or null for none
	 * @return completes when the router closed it
	 */
	public Mono<Void> kill(long sessionId, @Nullable String reason, @Nullable String message) {
		return this.calls.callVoid("wamp.session.kill", List.of(sessionId),
				MetaCalls.reasonAndMessage(reason, message));
	}

	/**
	 * Close every other session of an authid ({@code wamp.session.kill_by_authid}).
	 * @param authid the authid
	 * @param reason the GOODBYE reason URI, or null for {@code wamp.close.normal}
	 * @param message the GOODBYE message, or null for none
	 * @return how many sessions were closed
	 */
	public Mono<Long> killByAuthid(String authid, @Nullable String reason, @Nullable String message) {
		return this.calls.call("wamp.session.kill_by_authid", List.of(authid),
				MetaCalls.reasonAndMessage(reason, message), MetaCalls::id);
	}

	/**
	 * Close every other session of an authrole ({@code wamp.session.kill_by_authrole}).
	 * @param authrole the authrole
	 * @param reason the GOODBYE reason URI, or null for {@code wamp.close.normal}
	 * @param message the GOODBYE message, or null for none
	 * @return how many sessions were closed
	 */
	public Mono<Long> killByAuthrole(String authrole, @Nullable String reason, @Nullable String message) {
		return this.calls.call("wamp.session.kill_by_authrole", List.of(authrole),
				MetaCalls.reasonAndMessage(reason, message), MetaCalls::id);
	}

	/**
	 * Close every other session of the realm ({@code wamp.session.kill_all}).
	 * @param reason the GOODBYE reason URI, or null for {@code wamp.close.normal}
	 * @param message the GOODBYE message, or null for none
	 * @return how many sessions were closed
	 */
	public Mono<Long> killAll(@Nullable String reason, @Nullable String message) {
		return this.calls.call("wamp.session.kill_all", List.of(), MetaCalls.reasonAndMessage(reason, message),
				MetaCalls::id);
	}

	/**
	 * Sessions joining the realm ({@code wamp.session.on_join}), while subscribed. At
	 * most {@value MetaCalls#EVENT_BUFFER} wait for a slow subscriber; older ones are
	 * dropped.
	 * @return the joined sessions' details
	 */
	public Flux<SessionDetails> onJoin() {
		return this.calls.events("wamp.session.on_join", (event) -> SessionDetails.of(MetaCalls.dict(event.arg(0))));
	}

	/**
	 * Sessions leaving the realm ({@code wamp.session.on_leave}), while subscribed.
	 * @return who left
	 */
	public Flux<SessionLeft> onLeave() {
		return this.calls.events("wamp.session.on_leave", (event) -> new SessionLeft(MetaCalls.id(event.arg(0)),
				String.valueOf(event.arg(1)), String.valueOf(event.arg(2))));
	}

	/**
	 * A session as the meta API describes it.
	 *
	 * @param session the session id
	 * @param authid the authid
	 * @param authrole the authrole
	 * @param authmethod the authentication method
	 * @param authprovider who authenticated it
	 * @param transport implementation-defined transport details (may be empty)
	 */
	public record SessionDetails(long session, String authid, String authrole, String authmethod, String authprovider,
			Map<String, @Nullable Object> transport) {

		static SessionDetails of(Map<String, @Nullable Object> dict) {
			Object transport = dict.get("transport");
			return new SessionDetails(MetaCalls.id(dict.get("session")), MetaCalls.string(dict, "authid"),
					MetaCalls.string(dict, "authrole"), MetaCalls.string(dict, "authmethod"),
					MetaCalls.string(dict, "authprovider"), (transport != null) ? MetaCalls.dict(transport) : Map.of());
		}

	}

	/**
	 * A session that left.
	 *
	 * @param session the session id
	 * @param authid its authid
	 * @param authrole its authrole
	 */
	public record SessionLeft(long session, String authid, String authrole) {
	}

}
