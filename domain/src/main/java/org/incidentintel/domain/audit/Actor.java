package org.incidentintel.domain.audit;

/**
 * Who did something: an API token's name or a JWT's subject.
 *
 * @param name the token name or subject
 * @param kind {@code TOKEN} or {@code JWT}
 */
public record Actor(String name, String kind) {

	public Actor {
		if (name == null || name.isBlank() || kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("an actor needs a name and a kind");
		}
	}

}
