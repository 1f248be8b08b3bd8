package io.wampspring.sample.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's tokens ({@code sample.jwt.*}).
 */
@ConfigurationProperties("sample.jwt")
public class SampleJwtProperties {

	/** The least length of an HS256 secret, in bytes. */
	static final int MIN_SECRET_BYTES = 32;

	/**
	 * HS256 secret that signs and checks the tokens, at least 32 bytes. The default is
	 * for development only: set SAMPLE_JWT_SECRET anywhere else.
	 */
	private String secret = "wamp-sample-development-secret-do-not-use-in-production";

	/**
	 * How long an issued token is valid.
	 */
	private Duration expiry = Duration.ofMinutes(15);

	/**
	 * Issuer claim of the tokens.
	 */
	private String issuer = "wamp-sample";

	/**
	 * Roles GET /api/token issues tokens for; other roles are refused.
	 */
	private List<String> roles = List.of("frontend");

	/**
	 * HS256 secret that signs and checks the tokens, at least 32 bytes.
	 * @return the secret
	 */
	public String getSecret() {
		return this.secret;
	}

	/**
	 * Set the value of {@link #getSecret()}.
	 * @param secret the new value
	 */
	public void setSecret(String secret) {
		this.secret = secret;
	}

	/**
	 * How long an issued token is valid.
	 * @return the expiry
	 */
	public Duration getExpiry() {
		return this.expiry;
	}

	/**
	 * Set the value of {@link #getExpiry()}.
	 * @param expiry the new value
	 */
	public void setExpiry(Duration expiry) {
		this.expiry = expiry;
	}

	/**
	 * Issuer claim of the tokens.
	 * @return the issuer
	 */
	public String getIssuer() {
		return this.issuer;
	}

	/**
	 * Set the value of {@link #getIssuer()}.
	 * @param issuer the new value
	 */
	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	/**
	 * Roles GET /api/token issues tokens for; other roles are refused.
	 * @return the roles
	 */
	public List<String> getRoles() {
		return this.roles;
	}

	/**
	 * Set the value of {@link #getRoles()}.
	 * @param roles the new value
	 */
	public void setRoles(List<String> roles) {
		this.roles = roles;
	}

	byte[] secretBytes() {
		byte[] bytes = this.secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("sample.jwt.secret must be at least " + MIN_SECRET_BYTES
					+ " bytes for HS256, got " + bytes.length + ": set a longer secret");
		}
		return bytes;
	}

	@Override
	public String toString() {
		// never the secret
		return "SampleJwtProperties[issuer=" + this.issuer + ", expiry=" + this.expiry + ", roles=" + this.roles + "]";
	}

}
