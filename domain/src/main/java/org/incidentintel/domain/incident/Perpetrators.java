package org.incidentintel.domain.incident;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.incidentintel.domain.organization.OrganizationKind;

/**
 * Which actors of an incident are its perpetrators: those that carried out or claimed it
 * ({@link PerpetratorRole#PERPETRATOR}, {@link PerpetratorRole#CLAIMED}), and in a clash
 * ({@link PerpetratorRole#SIDE_A}, {@link PerpetratorRole#SIDE_B}) the non-state sides. A
 * state (a government, its bodies, its security forces) is a perpetrator only where it
 * carried out one-sided violence; in a clash with a militant group it is the group's
 * opponent, and counting it would fill "who did it" with the governments that fought
 * back. An actor whose name resolved to no organization counts as non-state. Every actor,
 * whatever its role, is an "actor" of the incident.
 */
public final class Perpetrators {

	/** The kinds of organization that are the state. */
	public static final Set<OrganizationKind> STATE = EnumSet.of(OrganizationKind.GOVERNMENT,
			OrganizationKind.GOVERNMENT_BODY, OrganizationKind.SECURITY_FORCE);

	private Perpetrators() {
	}

	/**
	 * Whether an actor in this role, of this kind (null: unresolved), is a perpetrator.
	 */
	public static boolean isPerpetrator(PerpetratorRole role, OrganizationKind kind) {
		return role == PerpetratorRole.PERPETRATOR || role == PerpetratorRole.CLAIMED || kind == null
				|| !STATE.contains(kind);
	}

	/**
	 * The same rule as an SQL condition on a row of {@code incident_perpetrator}.
	 * @param alias the row's table alias
	 */
	public static String sqlCondition(String alias) {
		String states = STATE.stream().map((kind) -> "'" + kind.name() + "'").collect(Collectors.joining(", "));
		return "(" + alias + ".role in ('" + PerpetratorRole.PERPETRATOR.name() + "', '"
				+ PerpetratorRole.CLAIMED.name() + "') or " + alias + ".organization_id is null or " + alias
				+ ".organization_id not in (select so.id from organization so where so.kind in (" + states + ")))";
	}

}
