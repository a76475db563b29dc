package org.incidentintel.domain.organization;

/**
 * What an organization is, as far as this platform cares.
 */
public enum OrganizationKind {

	MILITANT_GROUP, GOVERNMENT, GOVERNMENT_BODY, SECURITY_FORCE, RESEARCH_CENTRE, MULTILATERAL_FORUM, MEDIA, OTHER

}
