package io.wampspring.spring.core;

import java.util.List;
import java.util.Map;

import io.wampspring.core.uri.MatchPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The registration meta API of the router ({@code wamp.registration.*}) as typed calls,
 * from {@link WampTemplate#registrationMeta()}.
 */
public final class WampRegistrationMeta {

	private final MetaCalls calls;

	WampRegistrationMeta(WampTemplate template) {
		this.calls = new MetaCalls(template);
	}

	/**
	 * The ids of every registration, by match policy ({@code wamp.registration.list}).
	 * @return the ids per match policy
	 */
	public Mono<MatchLists> list() {
		return this.calls.call("wamp.registration.list", List.of(), Map.of(),
				(value) -> MatchLists.of(MetaCalls.dict(value)));
	}

	/**
	 * The registration of a URI under a match policy ({@code wamp.registration.lookup}).
	 * @param uri the URI or pattern
	 * @param match the match policy
	 * @return its id, or empty when there is none
	 */
	public Mono<Long> lookup(String uri, MatchPolicy match) {
		return this.calls.call("wamp.registration.lookup", List.of(uri, Map.of("match", match.wireName())), Map.of(),
				MetaCalls::id);
	}

	/**
	 * One registration ({@code wamp.registration.get}).
	 * @param id the registration id
	 * @return its details; an error {@code wamp.error.no_such_registration} when unknown
	 */
	public Mono<RegistrationDetails> get(long id) {
		return this.calls.call("wamp.registration.get", List.of(id), Map.of(),
				(value) -> RegistrationDetails.of(MetaCalls.dict(value)));
	}

	/**
	 * The sessions attached to a registration ({@code wamp.registration.list_callees}).
	 * @param id the registration id
	 * @return their session ids
	 */
	public Mono<List<Long>> listCallees(long id) {
		return this.calls.call("wamp.registration.list_callees", List.of(id), Map.of(), MetaCalls::ids);
	}

	/**
	 * How many sessions are attached to a registration
	 * ({@code wamp.registration.count_callees}).
	 * @param id the registration id
	 * @return the count
	 */
	public Mono<Long> countCallees(long id) {
		return this.calls.call("wamp.registration.count_callees", List.of(id), Map.of(), MetaCalls::id);
	}

	/**
	 * Revoke a registration for every session attached to it
	 * ({@code wamp.registration.remove}, an extension of this project's router): sessions
	 * that announced registration_revocation get the reason.
	 * @param id the registration id
	 * @param reason the reason, or null
	 * @return completes when revoked
	 */
	public Mono<Void> remove(long id, @Nullable String reason) {
		return this.calls.callVoid("wamp.registration.remove", List.of(id), MetaCalls.reasonAndMessage(reason, null));
	}

	/**
	 * Revoke a registration for one session ({@code wamp.registration.remove_callee}, as
	 * Crossbar.io names it).
	 * @param id the registration id
	 * @param sessionId the session
	 * @param reason the reason, or null
	 * @return completes when revoked
	 */
	public Mono<Void> removeCallee(long id, long sessionId, @Nullable String reason) {
		return this.calls.callVoid("wamp.registration.remove_callee", List.of(id, sessionId),
				MetaCalls.reasonAndMessage(reason, null));
	}

	/**
	 * The registration that a call to a procedure would reach
	 * ({@code wamp.registration.match}).
	 * @param procedure the procedure URI
	 * @return its id, or empty when none matches
	 */
	public Mono<Long> match(String procedure) {
		return this.calls.call("wamp.registration.match", List.of(procedure), Map.of(), MetaCalls::id);
	}

	/**
	 * A registration as the meta API describes it.
	 *
	 * @param id the registration id
	 * @param created when it was created (ISO 8601)
	 * @param uri the procedure or pattern
	 * @param match the match policy
	 * @param invoke the invocation policy
	 */
	public record RegistrationDetails(long id, String created, String uri, String match, String invoke) {

		static RegistrationDetails of(Map<String, @Nullable Object> dict) {
			return new RegistrationDetails(MetaCalls.id(dict.get("id")), MetaCalls.string(dict, "created"),
					MetaCalls.string(dict, "uri"), MetaCalls.string(dict, "match"), MetaCalls.string(dict, "invoke"));
		}

	}

}
