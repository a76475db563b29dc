package org.incidentintel.domain.source;

/**
 * The kind of a published document that the platform cites.
 */
public enum SourceDocumentKind {

	STATEMENT, ARTICLE, REPORT, DATASET, OTHER

}
