package org.incidentintel.api.relay;

import java.util.Optional;

/**
 * Fetches objects of one GraphQL type by database id, for {@code node(id:)}. One bean per
 * type that implements {@code Node}.
 */
public interface NodeFetcher {

	/** The GraphQL type name, as it appears in global ids. */
	String type();

	Optional<?> fetch(long id);

}
