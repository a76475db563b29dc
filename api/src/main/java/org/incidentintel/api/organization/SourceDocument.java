package org.incidentintel.api.organization;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code SourceDocument} type: a statement, article, report
 * or dataset cited as a source, linked to its publisher.
 *
 * @param id the database id
 * @param key the stable reference key
 * @param kind the kind ({@code STATEMENT}, {@code ARTICLE}, ...)
 * @param title the title
 * @param publisherId the id of the publishing organization, if any
 * @param author the byline, if any
 * @param publishedOn the publication date (first day of its month or year for a coarse
 * precision)
 * @param publishedPrecision the precision of the publication date
 * @param url where to find it, if known
 */
public record SourceDocument(long id, String key, String kind, String title, Long publisherId, String author,
		LocalDate publishedOn, String publishedPrecision, String url) {

}
