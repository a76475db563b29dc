package org.incidentintel.api.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.organization.SourceDocument;
import org.incidentintel.api.organization.SourceDocuments;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code report}, {@code reports} and the fields of {@code SecurityReport}.
 */
@Controller
class SecurityReportController {

	static final String TYPE = "SecurityReport";

	private final Reports reports;

	private final Reconciliations reconciliations;

	private final Organizations organizations;

	private final SourceDocuments documents;

	private final ApiProperties properties;

	SecurityReportController(Reports reports, Reconciliations reconciliations, Organizations organizations,
			SourceDocuments documents, ApiProperties properties) {
		this.reports = reports;
		this.reconciliations = reconciliations;
		this.organizations = organizations;
		this.documents = documents;
		this.properties = properties;
	}

	@QueryMapping
	SecurityReport report(@Argument String id) {
		long reportId = GlobalId.decode(id, TYPE, "id");
		return this.reports.findByIds(List.of(reportId)).get(reportId);
	}

	@QueryMapping
	Connection<SecurityReport> reports(@Argument Integer first, @Argument String after) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		LocalDate afterFrom = null;
		Long afterId = null;
		if (after != null) {
			List<String> values = Cursor.decode(after, 2, "after");
			try {
				afterFrom = LocalDate.parse(values.get(0));
				afterId = Long.parseLong(values.get(1));
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				throw ApiException.badInput("'" + after + "' is not a cursor of this list", "after");
			}
		}
		List<SecurityReport> rows = this.reports.findPage(afterFrom, afterId, page.size() + 1);
		return Connection.of(rows, page,
				(report) -> Cursor.encode(List.of(report.periodFrom().toString(), Long.toString(report.id()))),
				this.reports.count());
	}

	@SchemaMapping
	String id(SecurityReport report) {
		return GlobalId.of(TYPE, report.id());
	}

	@SchemaMapping
	DateRange period(SecurityReport report) {
		return new DateRange(report.periodFrom(), report.periodTo());
	}

	@BatchMapping
	Map<SecurityReport, Organization> publisher(List<SecurityReport> reports) {
		Map<Long, Organization> publishers = this.organizations
			.findByIds(reports.stream().map(SecurityReport::publisherId).filter(Objects::nonNull).distinct().toList());
		return reports.stream()
			.filter((report) -> report.publisherId() != null && publishers.containsKey(report.publisherId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (report) -> publishers.get(report.publisherId())));
	}

	@BatchMapping
	Map<SecurityReport, List<ReportFigure>> figures(List<SecurityReport> reports) {
		return byReport(reports, this.reports.figuresOf(ids(reports)));
	}

	@BatchMapping
	Map<SecurityReport, List<FigureReconciliation>> reconciliation(List<SecurityReport> reports) {
		return byReport(reports, this.reconciliations.of(reports));
	}

	@BatchMapping
	Map<SecurityReport, List<SourceDocument>> sources(List<SecurityReport> reports) {
		return byReport(reports, this.documents.findByOwners("report_source", "report_id", ids(reports)));
	}

	@BatchMapping
	Map<SecurityReport, List<SourceDocument>> citedBy(List<SecurityReport> reports) {
		return byReport(reports, this.documents.findByOwners("report_citation", "report_id", ids(reports)));
	}

	@BatchMapping(typeName = "SourceDocument")
	Map<SourceDocument, List<SecurityReport>> cites(List<SourceDocument> documents) {
		Map<Long, List<SecurityReport>> cited = this.reports
			.citedBy(documents.stream().map(SourceDocument::id).distinct().toList());
		return documents.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (document) -> cited.getOrDefault(document.id(), List.of())));
	}

	private static List<Long> ids(List<SecurityReport> reports) {
		return reports.stream().map(SecurityReport::id).distinct().toList();
	}

	private static <T> Map<SecurityReport, List<T>> byReport(List<SecurityReport> reports, Map<Long, List<T>> values) {
		return reports.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (report) -> values.getOrDefault(report.id(), List.of())));
	}

}
