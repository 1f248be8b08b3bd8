package io.wampspring.spring.core;

/**
 * The services of Zaber's Nexus router that {@link WampTemplate} has helpers for, with
 * their URIs relative to the service prefix (such as {@code com.izaber.wamp}).
 */
public enum NexusService {

	/** Who the session is. */
	WHOAMI("auth.whoami"),

	/** Add the session to a roster. */
	ROSTER_REGISTER("system.roster.register"),

	/** List a roster's entries. */
	ROSTER_QUERY("system.roster.query"),

	/** Remove the session from a roster. */
	ROSTER_UNREGISTER("system.roster.unregister"),

	/** Set a metadata value of the caller's authid. */
	METADATA_SET("my.metadata.set"),

	/** Get a metadata value. */
	METADATA_GET("my.metadata.get"),

	/** List the metadata. */
	METADATA_LIST("my.metadata.list"),

	/** Delete a metadata value. */
	METADATA_DELETE("my.metadata.delete"),

	/** Create a one-time password. */
	OTP_CREATE("my.otp.create"),

	/** List the one-time passwords. */
	OTP_LIST("my.otp.list"),

	/** Delete a one-time password. */
	OTP_DELETE("my.otp.delete"),

	/** Create an API key. */
	APIKEYS_CREATE("my.apikeys.create"),

	/** List the API keys. */
	APIKEYS_LIST("my.apikeys.list"),

	/** Delete an API key. */
	APIKEYS_DELETE("my.apikeys.delete");

	private final String relativeUri;

	NexusService(String relativeUri) {
		this.relativeUri = relativeUri;
	}

	/**
	 * The URI relative to the service prefix.
	 * @return such as {@code auth.whoami}
	 */
	public String relativeUri() {
		return this.relativeUri;
	}

}
