package org.incidentintel.domain.audit;

/**
 * What a mutation touched, written {@code Type:id} in the log ({@code Organization:12}).
 *
 * @param type the type of the object, as the API names it
 * @param id its database id
 */
public record AuditTarget(String type, long id) {

	public AuditTarget {
		if (type == null || type.isBlank() || type.contains(":")) {
			throw new IllegalArgumentException("a target type is a plain name, got '" + type + "'");
		}
	}

	/** {@code Type:id}. */
	public String text() {
		return this.type + ":" + this.id;
	}

	/**
	 * Reads {@code Type:id}.
	 * @throws IllegalArgumentException when the text is not of that form
	 */
	public static AuditTarget parse(String text) {
		int colon = text.lastIndexOf(':');
		try {
			return new AuditTarget(text.substring(0, Math.max(colon, 0)), Long.parseLong(text.substring(colon + 1)));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not Type:id", ex);
		}
	}

}
