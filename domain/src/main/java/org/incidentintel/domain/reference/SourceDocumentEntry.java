package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.source.SourceDocumentKind;

/**
 * A published document or dataset that the reference data cites, in
 * {@code documents.yaml}.
 *
 * @param id stable lowercase key
 * @param kind statement, article, report, dataset or other
 * @param title its title (for a dataset, its citation)
 * @param publisher id of the publishing organization
 * @param author byline or author, or {@code null}
 * @param publishedOn publication date (the first day of the month or year when only that
 * is known)
 * @param datePrecision how precisely {@code publishedOn} is known; {@code DAY} if not
 * given
 * @param url where to find it, or {@code null}
 * @param cites ids of the security reports (reports.yaml) it cites, such as a news
 * article reporting a report's figures
 */
public record SourceDocumentEntry(String id, SourceDocumentKind kind, String title, String publisher, String author,
		LocalDate publishedOn, DatePrecision datePrecision, String url, List<String> cites) {

	public SourceDocumentEntry {
		Fields.id(Fields.required(id, "id"), "id");
		Fields.required(kind, "kind");
		Fields.required(title, "title");
		Fields.id(Fields.required(publisher, "publisher"), "publisher");
		Fields.required(publishedOn, "publishedOn");
		datePrecision = (datePrecision != null) ? datePrecision : DatePrecision.DAY;
		Fields.precise(publishedOn, datePrecision, "publishedOn");
		if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
			throw new InvalidFieldException("url", "\"" + url + "\" is not an http(s) address");
		}
		cites = Fields.list(cites, "cites");
		for (int i = 0; i < cites.size(); i++) {
			Fields.id(cites.get(i), "cites[" + i + "]");
		}
	}

}
