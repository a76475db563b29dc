/**
 * Rounds of counter-terrorism dialogues: {@code dialogue}, {@code dialogues}, their
 * delegates, threats and commitments, and the dialogues of an organization.
 */
package org.incidentintel.api.dialogue;
