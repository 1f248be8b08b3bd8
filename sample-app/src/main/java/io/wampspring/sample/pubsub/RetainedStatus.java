package io.wampspring.sample.pubsub;

import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.client.WampEvent;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampSubscribe;
import io.wampspring.spring.support.EventDetails;
import io.wampspring.spring.support.InvocationDetails;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Event retention and trust levels in the sample: the service subscribes to
 * {@value #RETAINED} asking for the retained event (so after a restart it starts from the
 * last status a backend user retained), keeps the latest status, and answers
 * {@value #STATUS} with it; {@value #TRUSTLEVEL} answers the trust level the router gave
 * the caller's role.
 */
@Component
public class RetainedStatus {

	/** The topic backend users may publish retained status events on. */
	public static final String RETAINED = "com.example.retained";

	/** The procedure that answers the latest status. */
	public static final String STATUS = "com.example.status";

	/** The procedure that answers the caller's trust level. */
	public static final String TRUSTLEVEL = "com.example.trustlevel";

	private static final Logger logger = LoggerFactory.getLogger(RetainedStatus.class);

	private final AtomicReference<Status> latest = new AtomicReference<>();

	/**
	 * Keep the latest status; the first event after subscribing is the retained one.
	 * @param event the event
	 * @param details the event's details
	 */
	@WampSubscribe(value = RETAINED, getRetained = true)
	public void onStatus(WampEvent event, EventDetails details) {
		Object status = event.arg(0);
		this.latest.set(new Status(status, details.retained(), details.trustlevel()));
		logger.info("status {} ({}, trust level {})", status, details.retained() ? "retained" : "live",
				details.trustlevel());
	}

	/**
	 * The latest status this service received.
	 * @return the status, whether it was the retained event and its trust level; null
	 * values before the first event
	 */
	@WampProcedure(STATUS)
	public Status status() {
		Status status = this.latest.get();
		return (status != null) ? status : new Status(null, false, null);
	}

	/**
	 * The trust level of the caller's role, as the router disclosed it.
	 * @param details the invocation's details
	 * @return the level, or null when the role has none
	 */
	@WampProcedure(TRUSTLEVEL)
	public @Nullable Long trustlevel(InvocationDetails details) {
		return details.trustlevel();
	}

	/**
	 * A status.
	 *
	 * @param value the published value
	 * @param retained whether it came as the retained event
	 * @param trustlevel the publication's trust level
	 */
	public record Status(@Nullable Object value, boolean retained, @Nullable Long trustlevel) {
	}

}
