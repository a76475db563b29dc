package org.incidentintel.api.security;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.domain.audit.Actor;
import org.incidentintel.domain.security.Role;

/**
 * Who sent a GraphQL request, as every request's {@link GraphQLContext} carries it (under
 * the key {@code Caller.class}).
 *
 * @param name the token's name or the JWT's subject; null for an anonymous caller
 * @param kind how the caller signed in
 * @param role what the caller may do; null for an anonymous caller
 * @param clientAddress the client's IP address, when known
 */
public record Caller(String name, Kind kind, Role role, String clientAddress) {

	/** How a caller signed in. */
	public enum Kind {

		/** No credential. */
		ANONYMOUS,
		/** An API token. */
		TOKEN,
		/** A JWT from the configured OAuth2 issuer. */
		JWT

	}

	static Caller anonymous(String clientAddress) {
		return new Caller(null, Kind.ANONYMOUS, null, clientAddress);
	}

	public boolean isAnonymous() {
		return this.kind == Kind.ANONYMOUS;
	}

	/** Whether the caller holds at least the given role. */
	public boolean has(Role required) {
		return this.role != null && this.role.includes(required);
	}

	/** The key its rate limit is counted under: its credential, else its address. */
	public String rateLimitKey() {
		return isAnonymous() ? "address:" + this.clientAddress
				: this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.name;
	}

	/**
	 * The actor audit entries name.
	 * @throws IllegalStateException for an anonymous caller (mutations never run for one)
	 */
	public Actor actor() {
		if (isAnonymous()) {
			throw new IllegalStateException("an anonymous caller cannot act");
		}
		return new Actor(this.name, this.kind.name());
	}

	/** The caller of a request; anonymous when none was set (a request from a test). */
	public static Caller of(GraphQLContext context) {
		Caller caller = context.get(Caller.class);
		return (caller != null) ? caller : anonymous(null);
	}

	public static Caller of(DataFetchingEnvironment environment) {
		return of(environment.getGraphQlContext());
	}

}
