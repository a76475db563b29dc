package org.incidentintel.api.organization;

/**
 * The read model of the GraphQL {@code Organization} type: a canonical organization
 * (militant group, government body, security force, think tank, forum).
 *
 * @param id the database id
 * @param key the stable reference key
 * @param name the canonical name
 * @param acronym the acronym, if any
 * @param kind the kind (e.g. {@code MILITANT_GROUP})
 * @param country the ISO 3166 alpha-3 country, if any
 * @param parentId the id of the parent organization, if any
 * @param description a short description
 */
public record Organization(long id, String key, String name, String acronym, String kind, String country, Long parentId,
		String description) {

}
