package org.incidentintel.domain.organization;

import java.util.List;

/**
 * What a raw actor name resolved to: one or more organizations, no actor at all, or
 * nothing known (then the name is kept verbatim so it can be reported).
 *
 * @param raw the text as given
 * @param name the name that was looked up: the raw text without a {@code (suspected)}
 * suffix
 * @param outcome whether the name resolved
 * @param organizationIds the matching organization ids, several only if an alias is
 * ambiguous
 * @param suspected whether the source marked the attribution as suspected
 */
public record OrganizationResolution(String raw, String name, Outcome outcome, List<String> organizationIds,
		boolean suspected) {

	public OrganizationResolution {
		if (outcome == null) {
			throw new IllegalArgumentException("A resolution needs an outcome");
		}
		organizationIds = (organizationIds != null) ? List.copyOf(organizationIds) : List.of();
		if ((outcome == Outcome.RESOLVED) == organizationIds.isEmpty()) {
			throw new IllegalArgumentException("Only a resolved name has organization ids");
		}
	}

	static OrganizationResolution resolved(String raw, String name, List<String> ids, boolean suspected) {
		return new OrganizationResolution(raw, name, Outcome.RESOLVED, ids, suspected);
	}

	static OrganizationResolution noActor(String raw, String name, boolean suspected) {
		return new OrganizationResolution(raw, name, Outcome.NO_ACTOR, List.of(), suspected);
	}

	static OrganizationResolution unresolved(String raw, String name, boolean suspected) {
		return new OrganizationResolution(raw, name, Outcome.UNRESOLVED, List.of(), suspected);
	}

	/**
	 * Whether the name matched at least one organization.
	 * @return {@code true} if resolved
	 */
	public boolean isResolved() {
		return this.outcome == Outcome.RESOLVED;
	}

	/**
	 * Whether the alias matched several organizations (and no date told them apart).
	 * @return {@code true} if ambiguous
	 */
	public boolean isAmbiguous() {
		return this.organizationIds.size() > 1;
	}

	/**
	 * The single matching organization id.
	 * @return the id, or {@code null} when unresolved, no actor or ambiguous
	 */
	public String organizationId() {
		return (this.organizationIds.size() == 1) ? this.organizationIds.get(0) : null;
	}

	/**
	 * The outcome of a resolution.
	 */
	public enum Outcome {

		/** The name matched one or more known organizations. */
		RESOLVED,

		/**
		 * The text names no actor: blank, {@code Unknown}, {@code Civilians} and the
		 * like.
		 */
		NO_ACTOR,

		/** The name is not known: keep it verbatim and report it. */
		UNRESOLVED

	}

}
