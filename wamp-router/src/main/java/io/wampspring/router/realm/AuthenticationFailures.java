package io.wampspring.router.realm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.core.WampUris;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the router does with a rejected handshake: it logs it once (at INFO, with its true
 * reason and never a secret), counts it by reason, and chooses what the client reads. By
 * default an unknown principal and wrong credentials get the same ABORT URI and message,
 * so that a client cannot tell which authids exist; in precise mode (for development) the
 * client reads the true reason.
 */
final class AuthenticationFailures {

	/** The one message a client reads for an unknown principal or wrong credentials. */
	static final String UNIFORM_MESSAGE = "authentication failed: the authid is unknown or the credentials are invalid";

	private static final Logger logger = LoggerFactory.getLogger(AuthenticationFailures.class);

	/**
	 * What the client reads.
	 *
	 * @param uri the ABORT reason
	 * @param message the ABORT message
	 */
	record Answer(String uri, String message) {
	}

	private final boolean precise;

	private final LongAdder total;

	private final ConcurrentHashMap<String, LongAdder> byReason = new ConcurrentHashMap<>();

	AuthenticationFailures(boolean precise, LongAdder total) {
		this.precise = precise;
		this.total = total;
	}

	/**
	 * A rejection: by an authenticator, or because no method or principal fits.
	 * @param realm the realm name
	 * @param authid the announced authid, or null
	 * @param method the authentication method, or null before one was chosen
	 * @param reasonUri the true reason
	 * @param detail the true, readable message; never a secret
	 * @return what the client reads
	 */
	Answer rejected(String realm, @Nullable String authid, @Nullable String method, String reasonUri, String detail) {
		record(realm, authid, method, label(reasonUri), detail);
		boolean principal = WampUris.NO_SUCH_PRINCIPAL.equals(reasonUri)
				|| WampUris.AUTHENTICATION_FAILED.equals(reasonUri);
		if (principal && !this.precise) {
			return new Answer(WampUris.AUTHENTICATION_FAILED, UNIFORM_MESSAGE);
		}
		return new Answer(reasonUri, detail);
	}

	/**
	 * An authenticator failed (an error signal, or no answer in time).
	 * @param realm the realm name
	 * @param authid the announced authid, or null
	 * @param method the authentication method
	 * @param error the failure
	 * @return what the client reads
	 */
	Answer failed(String realm, @Nullable String authid, @Nullable String method, Throwable error) {
		boolean timeout = error instanceof TimeoutException;
		String detail = timeout ? "the authenticator gave no answer in time" : String.valueOf(error.getMessage());
		record(realm, authid, method, timeout ? "timeout" : "error",
				timeout ? detail : "the authenticator failed: " + error);
		return new Answer(WampUris.AUTHENTICATION_FAILED,
				this.precise ? "authentication failed: " + detail : UNIFORM_MESSAGE);
	}

	private void record(String realm, @Nullable String authid, @Nullable String method, String reason, String detail) {
		this.total.increment();
		this.byReason.computeIfAbsent(reason, (r) -> new LongAdder()).increment();
		logger.info("Authentication failed on realm '{}' for authid '{}' (method {}, reason {}): {}", realm, authid,
				(method != null) ? method : "-", reason, detail);
	}

	private static String label(String reasonUri) {
		return reasonUri.startsWith("wamp.error.") ? reasonUri.substring("wamp.error.".length()) : reasonUri;
	}

	/**
	 * The rejections so far, by reason.
	 * @return a sorted snapshot, such as {@code {authentication_failed=3,
	 * no_such_principal=2}}
	 */
	Map<String, Long> byReason() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.byReason.forEach((reason, count) -> snapshot.put(reason, count.sum()));
		return snapshot;
	}

}
