package org.incidentintel.domain.security;

import java.util.Locale;

/**
 * What a credential may do: a reader queries, an editor also runs the curation mutations
 * and reads the audit log.
 */
public enum Role {

	/** May run queries (also when queries require a token). */
	READER,
	/** May also run mutations and read the audit log. */
	EDITOR;

	/** Whether this role may do what {@code required} may. */
	public boolean includes(Role required) {
		return this.ordinal() >= required.ordinal();
	}

	/**
	 * The role of a name, case-insensitive ({@code editor}).
	 * @throws IllegalArgumentException naming the roles when the name is none of them
	 */
	public static Role of(String name) {
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(name.strip())) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + name + "': use reader or editor");
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
