package org.incidentintel.api.dialogue;

/**
 * The read model of the GraphQL {@code ThreatMention} type: a threat as a round's sources
 * worded it, and the organization it was resolved to.
 *
 * @param dialogueId the round
 * @param organizationId the organization resolved
 * @param statedAs the name as the sources gave it
 * @param describedAs how they characterized the threat, if they did
 */
record ThreatMention(long dialogueId, long organizationId, String statedAs, String describedAs) {

}
