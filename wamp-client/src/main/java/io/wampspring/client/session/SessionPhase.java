package io.wampspring.client.session;

/**
 * Where a {@link ClientSession} is in its life; the one state a session has. Moves only
 * forward: {@code NEW -> JOINING -> (CHALLENGED ->) JOINED -> (LEAVING ->) ENDED}; any
 * phase may end.
 */
enum SessionPhase {

	/** Created on an open connection; nothing sent yet. */
	NEW,

	/** HELLO sent, waiting for WELCOME, CHALLENGE or ABORT. */
	JOINING,

	/** The router sent a CHALLENGE; the answer is on its way. */
	CHALLENGED,

	/** WELCOME received: requests may be sent. */
	JOINED,

	/** The client sent GOODBYE and waits for the router's answer. */
	LEAVING,

	/** The session ended; everything pending was failed. */
	ENDED;

	boolean isBeforeWelcome() {
		return this == NEW || this == JOINING || this == CHALLENGED;
	}

}
