package org.incidentintel.api.dialogue;

/**
 * The read model of the GraphQL {@code Commitment} type: a commitment or an achievement
 * ({@code kind}) of a round.
 */
record Commitment(long dialogueId, String kind, String description, Integer quantity, String qualifier, String unit) {

}
