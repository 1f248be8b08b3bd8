package io.wampspring.spring.core;

import java.util.List;

import io.wampspring.client.Registration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A procedure registered at run time on every session of a peer.
 *
 * @param procedure the absolute URI
 * @param registrations one registration per session of the pool
 */
public record PeerRegistration(String procedure, List<Registration> registrations) {

	/**
	 * Copy the list.
	 * @param procedure the absolute URI
	 * @param registrations one registration per session of the pool
	 */
	public PeerRegistration {
		registrations = List.copyOf(registrations);
	}

	/**
	 * Unregister on every session.
	 * @return completes when done
	 */
	public Mono<Void> unregister() {
		return Flux.fromIterable(this.registrations).flatMap(Registration::unregister).then();
	}

}
