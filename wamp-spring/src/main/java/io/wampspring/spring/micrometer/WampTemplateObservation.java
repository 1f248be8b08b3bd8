package io.wampspring.spring.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code wamp.template} observation: one call or publication made by the template.
 */
public enum WampTemplateObservation implements ObservationDocumentation {

	/** A call or a publication. */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultWampTemplateObservationConvention.class;
		}

		@Override
		public String getName() {
			return "wamp.template";
		}

		@Override
		public String getPrefix() {
			return "wamp";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TemplateLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return TemplateHighCardinalityKeys.values();
		}

	};

	/**
	 * Low-cardinality keys.
	 */
	public enum TemplateLowCardinalityKeys implements KeyName {

		/** Always {@code wamp}. */
		MESSAGING_SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/** {@code call} or {@code publish}. */
		MESSAGING_OPERATION {
			@Override
			public String asString() {
				return "messaging.operation";
			}
		},

		/** The procedure or topic URI. */
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

		/** The error URI of a failure, else {@code none}. */
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
	public enum TemplateHighCardinalityKeys implements KeyName {

		/** The URI. */
		URI {
			@Override
			public String asString() {
				return "wamp.uri";
			}
		}

	}

}
