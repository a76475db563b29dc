package org.incidentintel.api.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An OAuth2 issuer made here: its key pair signs the tests' JWTs, and its public key is
 * given to the resource server as the {@link JwtDecoder} Spring Boot would build from
 * {@code issuer-uri}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtIssuer {

	/** The issuer's keys; the private one signs, the public one verifies. */
	public static final KeyPair KEYS = keyPair();

	@Bean
	JwtDecoder jwtDecoder() {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
	}

	/**
	 * A new RSA key pair.
	 * @return the key pair
	 */
	public static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
