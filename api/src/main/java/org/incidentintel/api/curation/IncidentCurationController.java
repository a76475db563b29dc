package org.incidentintel.api.curation;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.audit.AuditedMutations;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.incident.Incident;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.NodeFetcher;
import org.incidentintel.api.security.Caller;
import org.incidentintel.domain.dedup.CurationException;
import org.incidentintel.domain.dedup.IncidentCuration;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;

/**
 * {@code splitIncident} and {@code mergeIncidents}: curators correcting deduplication.
 * The decisions are stored by the domain's {@link IncidentCuration} as pairs of source
 * records, so they hold through re-ingestion and {@code dedupe --all}; the audit entry
 * keeps the sources of the incidents before and after. Both rewrite incident rows: the
 * domain's deduplication marks the statistics cells stale in their transaction.
 */
@Controller
class IncidentCurationController {

	private final AuditedMutations mutations;

	private final IncidentCuration curation;

	private final JdbcTemplate jdbc;

	private final NodeFetcher incidents;

	IncidentCurationController(AuditedMutations mutations, IncidentCuration curation, JdbcTemplate jdbc,
			List<NodeFetcher> fetchers) {
		this.mutations = mutations;
		this.curation = curation;
		this.jdbc = jdbc;
		this.incidents = fetchers.stream()
			.filter((fetcher) -> fetcher.type().equals(Incident.TYPE))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no node fetcher for incidents"));
	}

	@MutationMapping
	SplitIncidentPayload splitIncident(@Argument SplitIncidentInput input, DataFetchingEnvironment environment) {
		// checked before the transaction starts (Checks)
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		long incident = Ids.decode(input.incident(), Incident.TYPE, "input", "incident");
		String dataset = Checks.required(input.dataset(), "the dataset", Checks.DATASET, "input", "dataset");
		String recordId = Checks.required(input.recordId(), "the record id", Checks.RECORD_ID, "input", "recordId");
		String note = Checks.freeText(input.note(), Checks.DECISION_NOTE, "input", "note");
		long[] result = this.mutations.run("splitIncident", environment, (audit) -> {
			List<Long> record = this.jdbc.queryForList(
					"select id from source_record where incident_id = ? and dataset = ? and source_record_id = ?",
					Long.class, incident, dataset, recordId);
			if (record.isEmpty()) {
				exists(incident, "incident");
				throw ApiException.badInput(
						"incident " + input.incident() + " has no source record " + dataset + ":" + recordId, "input",
						"recordId");
			}
			audit.target(Incident.TYPE, incident).before(Map.of("sources", sources(incident)));
			List<Long> others = this.jdbc.queryForList(
					"select id from source_record where incident_id = ? and id <> ? order by id", Long.class, incident,
					record.get(0));
			long splitOff = call(() -> this.curation.split(record.get(0), curator(environment), note), "recordId");
			// the others keep the incident as a rule; read where the first of them is now
			long remaining = this.jdbc.queryForObject("select incident_id from source_record where id = ?", Long.class,
					others.get(0));
			audit.target(Incident.TYPE, splitOff)
				.after(Map.of("sources", sources(remaining), "splitOffSources", sources(splitOff)));
			return new long[] { remaining, splitOff };
		});
		return new SplitIncidentPayload(input.clientMutationId(), incident(result[0]), incident(result[1]));
	}

	@MutationMapping
	MergeIncidentsPayload mergeIncidents(@Argument MergeIncidentsInput input, DataFetchingEnvironment environment) {
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		long first = Ids.decode(input.incident(), Incident.TYPE, "input", "incident");
		long second = Ids.decode(input.other(), Incident.TYPE, "input", "other");
		String note = Checks.freeText(input.note(), Checks.DECISION_NOTE, "input", "note");
		long merged = this.mutations.run("mergeIncidents", environment, (audit) -> {
			exists(first, "incident");
			exists(second, "other");
			audit.target(Incident.TYPE, first)
				.target(Incident.TYPE, second)
				.before(Map.of("sources", sources(first), "otherSources", sources(second)));
			long survivor = call(() -> this.curation.merge(first, second, curator(environment), note), "other");
			audit.after(Map.of("sources", sources(survivor)));
			return survivor;
		});
		long absorbed = (merged == first) ? second : first;
		return new MergeIncidentsPayload(input.clientMutationId(), incident(merged),
				GlobalId.of(Incident.TYPE, absorbed));
	}

	/** Who decided, as the decision records it: the token's name or the JWT's subject. */
	private static String curator(DataFetchingEnvironment environment) {
		return Caller.of(environment).name();
	}

	private void exists(long incident, String field) {
		if (this.jdbc.queryForObject("select count(*) from incident where id = ?", Long.class, incident) == 0) {
			throw new ApiException(ErrorCode.NOT_FOUND, "no incident " + GlobalId.of(Incident.TYPE, incident),
					List.of("input", field));
		}
	}

	private List<String> sources(long incident) {
		return this.jdbc.queryForList("select dataset || ':' || source_record_id from source_record "
				+ "where incident_id = ? order by dataset, source_record_id", String.class, incident);
	}

	private static long call(java.util.function.LongSupplier work, String field) {
		try {
			return work.getAsLong();
		}
		catch (CurationException ex) {
			throw new ApiException(ex.notFound() ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, ex.getMessage(),
					List.of("input", field));
		}
	}

	private Incident incident(long id) {
		return (Incident) this.incidents.fetch(id).orElseThrow();
	}

	/** {@code SplitIncidentInput}. */
	record SplitIncidentInput(String clientMutationId, String incident, String dataset, String recordId, String note) {
	}

	/** {@code MergeIncidentsInput}. */
	record MergeIncidentsInput(String clientMutationId, String incident, String other, String note) {
	}

	/** {@code SplitIncidentPayload}. */
	record SplitIncidentPayload(String clientMutationId, Incident incident, Incident splitOff) {
	}

	/** {@code MergeIncidentsPayload}. */
	record MergeIncidentsPayload(String clientMutationId, Incident incident, String absorbedId) {
	}

}
