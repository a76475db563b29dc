/**
 * Cross-source deduplication: source records that describe the same real event become one
 * canonical incident. Blocking ({@link org.incidentintel.domain.dedup.MatchBlocks}),
 * explainable scoring ({@link org.incidentintel.domain.dedup.MatchScorer}), deterministic
 * clustering under curator decisions ({@link org.incidentintel.domain.dedup.Clusterer}),
 * field precedence ({@link org.incidentintel.domain.dedup.Precedence}), and the service
 * that runs them over the database ({@link org.incidentintel.domain.dedup.Deduplicator}).
 */
package org.incidentintel.domain.dedup;
