package io.wampspring.router.realm;

import java.util.List;

/**
 * What a reconfiguration of the router's realms changed.
 *
 * @param added the realms added
 * @param updated the realms that took a new configuration
 * @param removed the realms removed (their sessions were closed)
 * @param closedSessions the sessions closed: their credentials were removed, or their
 * realm was
 */
public record RouterReconfiguration(List<String> added, List<String> updated, List<String> removed,
		List<Long> closedSessions) {

	/**
	 * Copy.
	 * @param added the realms added
	 * @param closedSessions the sessions closed
	 * @param removed the realms removed (their sessions were closed)
	 * @param updated the realms that took a new configuration
	 */
	public RouterReconfiguration {
		added = List.copyOf(added);
		updated = List.copyOf(updated);
		removed = List.copyOf(removed);
		closedSessions = List.copyOf(closedSessions);
	}

}
