/**
 * Diplomatic counter-terrorism dialogues, their delegates, topics, threats and
 * commitments.
 */
package org.incidentintel.domain.dialogue;
