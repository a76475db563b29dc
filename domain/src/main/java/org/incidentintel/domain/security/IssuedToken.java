package org.incidentintel.domain.security;

/**
 * A token just created: the only moment its text is known.
 *
 * @param name the token's name
 * @param role its role
 * @param token the text to send as {@code Authorization: Bearer <token>}
 */
public record IssuedToken(String name, Role role, String token) {

}
