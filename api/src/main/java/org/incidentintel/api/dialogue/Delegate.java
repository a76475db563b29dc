package org.incidentintel.api.dialogue;

/**
 * The read model of the GraphQL {@code Delegate} type: a person at a dialogue round.
 *
 * @param id the database id of the seat (keeps two identical seats apart)
 * @param dialogueId the round
 * @param name the person's name
 * @param title their title at the time
 * @param role their role in the round
 * @param organizationId the organization they represented, if any
 * @param country the country they represented
 */
record Delegate(long id, long dialogueId, String name, String title, String role, Long organizationId, String country) {

}
