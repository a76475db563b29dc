package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;

/**
 * A published periodic security report and its aggregate figures, in
 * {@code reports.yaml}.
 *
 * @param id stable lowercase key
 * @param title title of the report
 * @param publisher id of the publishing organization
 * @param periodFrom first day covered
 * @param periodTo last day covered
 * @param publishedOn publication date (the first day of the month or year when only that
 * is known)
 * @param datePrecision how precisely {@code publishedOn} is known; {@code DAY} if not
 * given
 * @param country ISO 3166 alpha-3 code of the country covered
 * @param figures the figures it publishes
 * @param sources ids of the documents the figures come from
 */
public record ReportEntry(String id, String title, String publisher, LocalDate periodFrom, LocalDate periodTo,
		LocalDate publishedOn, DatePrecision datePrecision, String country, List<FigureEntry> figures,
		List<String> sources) {

	public ReportEntry {
		Fields.id(Fields.required(id, "id"), "id");
		Fields.required(title, "title");
		Fields.id(Fields.required(publisher, "publisher"), "publisher");
		Fields.required(periodFrom, "periodFrom");
		Fields.required(periodTo, "periodTo");
		Fields.ordered(periodFrom, periodTo, "periodTo");
		Fields.required(publishedOn, "publishedOn");
		datePrecision = (datePrecision != null) ? datePrecision : DatePrecision.DAY;
		Fields.precise(publishedOn, datePrecision, "publishedOn");
		Fields.country(Fields.required(country, "country"), "country");
		figures = Fields.list(figures, "figures");
		sources = Fields.list(sources, "sources");
		for (int i = 0; i < sources.size(); i++) {
			Fields.id(sources.get(i), "sources[" + i + "]");
		}
	}

}
