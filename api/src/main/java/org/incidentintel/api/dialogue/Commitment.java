package org.incidentintel.api.dialogue;

/**
 * The read model of the GraphQL {@code Commitment} type.
 */
record Commitment(long dialogueId, String description, Integer quantity, String qualifier, String unit) {

}
