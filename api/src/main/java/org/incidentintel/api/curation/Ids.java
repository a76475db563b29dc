package org.incidentintel.api.curation;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.GlobalId;

/**
 * Global ids in mutation inputs, with the whole input path in errors
 * ({@code ["input", "threats", 2]}).
 */
final class Ids {

	private Ids() {
	}

	static long decode(String value, String type, Object... path) {
		// bounded first: the messages below quote the value
		Checks.optional(value, Checks.ID, path);
		GlobalId id;
		try {
			id = GlobalId.decode(value, "input");
		}
		catch (ApiException ex) {
			throw ApiException.badInput(ex.getMessage(), path);
		}
		if (!id.type().equals(type)) {
			throw ApiException.badInput("'" + value + "' is the id of a " + id.type() + ", not of a " + type, path);
		}
		return id.id();
	}

}
