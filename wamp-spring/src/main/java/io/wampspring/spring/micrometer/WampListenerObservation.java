package io.wampspring.spring.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code wamp.listener} observation: one invocation of a {@code @WampProcedure}
 * handler or one event handled by a {@code @WampSubscribe} handler.
 */
public enum WampListenerObservation implements ObservationDocumentation {

	/** An invocation or an event. */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultWampListenerObservationConvention.class;
		}

		@Override
		public String getName() {
			return "wamp.listener";
		}

		@Override
		public String getPrefix() {
			return "wamp";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ListenerLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ListenerHighCardinalityKeys.values();
		}

	};

	/**
	 * Low-cardinality keys.
	 */
	public enum ListenerLowCardinalityKeys implements KeyName {

		/** Always {@code wamp}. */
		MESSAGING_SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/** {@code invocation} or {@code event}. */
		MESSAGING_OPERATION {
			@Override
			public String asString() {
				return "messaging.operation";
			}
		},

		/** The registered URI or pattern. */
		MESSAGING_DESTINATION_NAME {
			@Override
			public String asString() {
				return "messaging.destination.name";
			}
		},

		/** The peer's name. */
		PEER {
			@Override
			public String asString() {
				return "wamp.peer";
			}
		},

		/** {@code success}, {@code error} or {@code cancelled}. */
		OUTCOME {
			@Override
			public String asString() {
				return "wamp.outcome";
			}
		},

		/** The error URI the handler answered with, else {@code none}. */
		ERROR_URI {
			@Override
			public String asString() {
				return "wamp.error";
			}
		}

	}

	/**
	 * High-cardinality keys.
	 */
	public enum ListenerHighCardinalityKeys implements KeyName {

		/** The concrete URI of the message. */
		URI {
			@Override
			public String asString() {
				return "wamp.uri";
			}
		},

		/** The handler method. */
		ENDPOINT {
			@Override
			public String asString() {
				return "wamp.endpoint";
			}
		},

		/** The publication id of an event. */
		MESSAGE_ID {
			@Override
			public String asString() {
				return "messaging.message.id";
			}
		}

	}

}
