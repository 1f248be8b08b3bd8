package io.wampspring.router.realm;

import java.util.Map;

/**
 * The roles and features the router announces in WELCOME.
 */
final class RouterFeatures {

	static final Map<String, Object> ROLES = Map.of("dealer", Map.of("features",
			Map.ofEntries(Map.entry("caller_identification", true), Map.entry("pattern_based_registration", true),
					Map.entry("shared_registration", true), Map.entry("call_timeout", true),
					Map.entry("call_canceling", true), Map.entry("progressive_call_results", true),
					Map.entry("progressive_call_invocations", true), Map.entry("registration_revocation", true),
					Map.entry("session_meta_api", true), Map.entry("registration_meta_api", true),
					Map.entry("call_trustlevels", true), Map.entry("testament_meta_api", true))),
			"broker",
			Map.of("features",
					Map.ofEntries(Map.entry("publisher_identification", true), Map.entry("publisher_exclusion", true),
							Map.entry("subscriber_blackwhite_listing", true),
							Map.entry("pattern_based_subscription", true), Map.entry("session_meta_api", true),
							Map.entry("subscription_meta_api", true), Map.entry("subscription_revocation", true),
							Map.entry("event_retention", true), Map.entry("event_history", true),
							Map.entry("publication_trustlevels", true))));

	private RouterFeatures() {
	}

}
