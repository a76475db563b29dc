package org.incidentintel.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code incidentintel.api.security.*}). Mutations always need an editor
 * credential; queries are open unless {@code queries-require-token} is set.
 *
 * @param queriesRequireToken whether queries, too, need a valid token (any role)
 * @param jwtRoleClaim the JWT claim holding the caller's roles (a string or a list), when
 * JWTs are accepted ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set)
 * @param jwtEditorRole the value of that claim that makes the caller an editor; any other
 * valid JWT is a reader
 */
@ConfigurationProperties("incidentintel.api.security")
public record SecurityProperties(@DefaultValue("false") boolean queriesRequireToken,
		@DefaultValue("roles") String jwtRoleClaim, @DefaultValue("editor") String jwtEditorRole) {

}
