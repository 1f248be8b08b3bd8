package io.wampspring.sample.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The encoder that signs the sample's tokens and the decoder the embedded router checks
 * them with (it finds the {@link ReactiveJwtDecoder} bean through realm1's
 * {@code ticket.delegate: jwt}): one HS256 key, from {@code sample.jwt.secret}.
 */
@Configuration(proxyBeanMethods = false)
public class SampleJwtConfiguration {

	/**
	 * Checks signature, expiry and issuer.
	 * @param properties the token settings
	 * @return the decoder
	 */
	@Bean
	ReactiveJwtDecoder sampleJwtDecoder(SampleJwtProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.getIssuer()));
		return decoder;
	}

	/**
	 * Signs the tokens of {@code GET /api/token}.
	 * @param properties the token settings
	 * @return the encoder
	 */
	@Bean
	JwtEncoder sampleJwtEncoder(SampleJwtProperties properties) {
		return NimbusJwtEncoder.withSecretKey(key(properties)).build();
	}

	private static SecretKey key(SampleJwtProperties properties) {
		return new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
	}

}
