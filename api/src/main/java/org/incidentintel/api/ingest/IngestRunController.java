package org.incidentintel.api.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import graphql.schema.DataFetchingEnvironment;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;
import org.incidentintel.api.security.Access;
import org.incidentintel.domain.security.Role;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code ingestRuns} and the fields of {@code IngestRun}. The tallies come from the run's
 * {@code details} JSON, which the ETL writes as
 * {@code {"rejectsByReason":{..},"warningsByCode":{..},"unresolvedOrganizations":{..},"unresolvedRegions":{..}}}.
 */
@Controller
class IngestRunController {

	static final String TYPE = "IngestRun";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Map<String, Long>>> DETAILS = new TypeReference<>() {
	};

	private final IngestRuns runs;

	private final ApiProperties properties;

	IngestRunController(IngestRuns runs, ApiProperties properties) {
		this.runs = runs;
		this.properties = properties;
	}

	@QueryMapping
	Connection<IngestRun> ingestRuns(@Argument Integer first, @Argument String after) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		Instant afterStartedAt = null;
		Long afterId = null;
		if (after != null) {
			List<String> values = Cursor.decode(after, 2, "after");
			try {
				afterStartedAt = Instant.parse(values.get(0));
				afterId = Long.parseLong(values.get(1));
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				throw ApiException.badInput("'" + after + "' is not a cursor of this list", "after");
			}
		}
		List<IngestRun> rows = this.runs.findPage(afterStartedAt, afterId, page.size() + 1);
		return Connection.of(rows, page,
				(run) -> Cursor.encode(List.of(run.startedAt().toString(), Long.toString(run.id()))),
				this.runs.count());
	}

	@SchemaMapping
	String id(IngestRun run) {
		return GlobalId.of(TYPE, run.id());
	}

	/** The base name: what follows the last {@code /} or {@code \}. */
	@SchemaMapping
	String fileName(IngestRun run) {
		return baseName(run.fileName());
	}

	/** The name as recorded, a server path perhaps: editors only. */
	@SchemaMapping
	String filePath(IngestRun run, DataFetchingEnvironment environment) {
		Access.require(environment, Role.EDITOR, "the path of a run's file");
		return run.fileName();
	}

	/** What follows the last {@code /} or {@code \} of a name, trailing ones ignored. */
	static String baseName(String recorded) {
		String name = recorded.replaceAll("[/\\\\]+$", "");
		int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		return name.substring(separator + 1);
	}

	@SchemaMapping
	OffsetDateTime startedAt(IngestRun run) {
		return utc(run.startedAt());
	}

	@SchemaMapping
	OffsetDateTime finishedAt(IngestRun run) {
		return utc(run.finishedAt());
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	@SchemaMapping
	long read(IngestRun run) {
		return run.readCount();
	}

	@SchemaMapping
	long inserted(IngestRun run) {
		return run.insertedCount();
	}

	@SchemaMapping
	long updated(IngestRun run) {
		return run.updatedCount();
	}

	@SchemaMapping
	long unchanged(IngestRun run) {
		return run.unchangedCount();
	}

	@SchemaMapping
	long rejected(IngestRun run) {
		return run.rejectedCount();
	}

	@SchemaMapping
	long filtered(IngestRun run) {
		return run.filteredCount();
	}

	@SchemaMapping
	List<RejectCount> rejectsByReason(IngestRun run) {
		return tally(run, "rejectsByReason", RejectCount::new);
	}

	@SchemaMapping
	List<WarningCount> warnings(IngestRun run) {
		return tally(run, "warningsByCode", WarningCount::new);
	}

	@SchemaMapping
	List<UnresolvedName> unresolvedOrganizations(IngestRun run) {
		return tally(run, "unresolvedOrganizations", UnresolvedName::new);
	}

	@SchemaMapping
	List<UnresolvedName> unresolvedRegions(IngestRun run) {
		return tally(run, "unresolvedRegions", UnresolvedName::new);
	}

	/** One section of the details, most frequent first, then by name. */
	private static <T> List<T> tally(IngestRun run, String section, BiFunction<String, Long, T> factory) {
		Map<String, Long> counts = details(run).getOrDefault(section, Map.of());
		List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
		entries.removeIf((entry) -> entry.getValue() == null);
		entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
			.thenComparing(Map.Entry.comparingByKey()));
		return entries.stream().map((entry) -> factory.apply(entry.getKey(), entry.getValue())).toList();
	}

	private static Map<String, Map<String, Long>> details(IngestRun run) {
		if (run.details() == null || run.details().isBlank()) {
			return Map.of();
		}
		try {
			Map<String, Map<String, Long>> details = JSON.readValue(run.details(), DETAILS);
			return (details != null) ? details : Map.of();
		}
		catch (JacksonException ex) {
			// Runs written before the details existed, or by hand: the counts still stand
			return Map.of();
		}
	}

	/** The read model of {@code RejectCount}. */
	record RejectCount(String reason, long count) {
	}

	/** The read model of {@code WarningCount}. */
	record WarningCount(String code, long count) {
	}

	/** The read model of {@code UnresolvedName}. */
	record UnresolvedName(String name, long count) {
	}

}
