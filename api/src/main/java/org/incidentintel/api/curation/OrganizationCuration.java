package org.incidentintel.api.curation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.incidentintel.api.audit.AuditTrail;
import org.incidentintel.api.curation.Inputs.AddAliasInput;
import org.incidentintel.api.curation.Inputs.MergeInput;
import org.incidentintel.api.curation.Inputs.RemoveAliasInput;
import org.incidentintel.api.curation.Payloads.Alias;
import org.incidentintel.api.curation.Payloads.MergedLinks;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Validates and applies {@code addOrganizationAlias}, {@code removeOrganizationAlias} and
 * {@code mergeOrganizations} with plain SQL, inside the mutation's transaction. The
 * organizations concerned are locked ({@code select ... for update}) first, so two
 * curators cannot merge the same organizations crosswise.
 */
@Component
class OrganizationCuration {

	static final String TYPE = Organizations.TYPE;

	private final NamedParameterJdbcTemplate jdbc;

	private final Organizations organizations;

	private final OrganizationFamiliesCache families;

	OrganizationCuration(NamedParameterJdbcTemplate jdbc, Organizations organizations,
			OrganizationFamiliesCache families) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.families = families;
	}

	/**
	 * The input with its text stripped; an error on the first value out of bounds or
	 * malformed. Needs no database: it runs before the mutation's transaction.
	 */
	static AddAliasInput checked(AddAliasInput input) {
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		Ids.decode(input.organization(), TYPE, "input", "organization");
		String alias = Checks.required(input.alias(), "an alias", Checks.ALIAS, "input", "alias");
		String key = NameKey.of(alias);
		if (key.isEmpty()) {
			throw ApiException.badInput("'" + alias + "' holds no letter or digit", "input", "alias");
		}
		// the key can be longer than the alias ("&" reads as "and"); the column holds as
		// many
		if (key.length() > Checks.ALIAS) {
			throw ApiException.badInput("the alias's lookup key would be " + key.length() + " characters long, at most "
					+ Checks.ALIAS + " are allowed", "input", "alias");
		}
		if (input.validFrom() != null && input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
			throw ApiException.badInput(
					"the name's use ends (" + input.validTo() + ") before it starts (" + input.validFrom() + ")",
					"input", "validTo");
		}
		return new AddAliasInput(input.clientMutationId(), input.organization(), alias, input.validFrom(),
				input.validTo(), Checks.freeText(input.note(), Checks.ALIAS_NOTE, "input", "note"));
	}

	/** As {@link #checked(AddAliasInput)}. */
	static RemoveAliasInput checked(RemoveAliasInput input) {
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		Ids.decode(input.organization(), TYPE, "input", "organization");
		return new RemoveAliasInput(input.clientMutationId(), input.organization(),
				Checks.required(input.alias(), "an alias", Checks.ALIAS, "input", "alias"));
	}

	/** As {@link #checked(AddAliasInput)}. */
	static MergeInput checked(MergeInput input) {
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		long survivorId = Ids.decode(input.survivor(), TYPE, "input", "survivor");
		long absorbedId = Ids.decode(input.absorbed(), TYPE, "input", "absorbed");
		if (survivorId == absorbedId) {
			throw ApiException.badInput("an organization cannot be merged into itself", "input", "absorbed");
		}
		return input;
	}

	/**
	 * Adds the alias; returns the organization's id and the alias as stored.
	 * @param input the input as {@link #checked(AddAliasInput)} returned it
	 */
	AliasChange addAlias(AddAliasInput input, AuditTrail audit) {
		long id = Ids.decode(input.organization(), TYPE, "input", "organization");
		Row organization = lockedSurvivor(id, input.organization(), "input", "organization");
		String alias = input.alias();
		String key = NameKey.of(alias);
		String note = input.note();
		List<Map<String, Object>> holders = this.jdbc.queryForList(
				"select organization_id, alias from organization_alias where normalized_key = :key",
				Map.of("key", key));
		for (Map<String, Object> holder : holders) {
			long holderId = ((Number) holder.get("organization_id")).longValue();
			Organization survivor = this.organizations.findSurvivorById(holderId).orElse(null);
			if (survivor != null && survivor.id() == id) {
				throw ApiException.badInput("'" + alias + "' is already an alias of " + organization.name() + " (as '"
						+ holder.get("alias") + "')", "input", "alias");
			}
			if (survivor != null) {
				throw ApiException.badInput(
						"'" + alias + "' already names " + survivor.name() + " (id " + GlobalId.of(TYPE, survivor.id())
								+ ", as '" + holder.get("alias") + "'); a name designates one organization",
						"input", "alias");
			}
		}
		audit.target(TYPE, id).before(snapshot(id));
		this.jdbc.update(
				"insert into organization_alias (organization_id, alias, normalized_key, valid_from, valid_to, note) "
						+ "values (:id, :alias, :key, :validFrom, :validTo, :note)",
				new MapSqlParameterSource("id", id).addValue("alias", alias)
					.addValue("key", key)
					.addValue("validFrom", sqlDate(input.validFrom()))
					.addValue("validTo", sqlDate(input.validTo()))
					.addValue("note", note));
		audit.after(snapshot(id));
		return new AliasChange(id, new Alias(alias, input.validFrom(), input.validTo(), note));
	}

	/**
	 * Removes the alias; returns it as it was stored.
	 * @param input the input as {@link #checked(RemoveAliasInput)} returned it
	 */
	AliasChange removeAlias(RemoveAliasInput input, AuditTrail audit) {
		long id = Ids.decode(input.organization(), TYPE, "input", "organization");
		Row organization = lockedSurvivor(id, input.organization(), "input", "organization");
		String key = NameKey.of(input.alias());
		List<Map<String, Object>> found = this.jdbc
			.queryForList("select id, alias, valid_from, valid_to, note from organization_alias "
					+ "where organization_id = :id and normalized_key = :key", Map.of("id", id, "key", key));
		if (found.isEmpty()) {
			throw Checks.notFound("'" + input.alias() + "' is not an alias of " + organization.name(), "input",
					"alias");
		}
		if (key.equals(NameKey.of(organization.name()))
				|| (organization.acronym() != null && key.equals(NameKey.of(organization.acronym())))) {
			throw ApiException.badInput("'" + input.alias() + "' is the canonical name or acronym of "
					+ organization.name() + "; it stays an alias", "input", "alias");
		}
		Map<String, Object> row = found.get(0);
		audit.target(TYPE, id).before(snapshot(id));
		this.jdbc.update("delete from organization_alias where id = :id", Map.of("id", row.get("id")));
		audit.after(snapshot(id));
		return new AliasChange(id, new Alias((String) row.get("alias"), localDate(row.get("valid_from")),
				localDate(row.get("valid_to")), (String) row.get("note")));
	}

	/**
	 * Merges; returns the survivor's id and what moved.
	 * @param input the input as {@link #checked(MergeInput)} returned it
	 */
	Merge merge(MergeInput input, AuditTrail audit) {
		long survivorId = Ids.decode(input.survivor(), TYPE, "input", "survivor");
		long absorbedId = Ids.decode(input.absorbed(), TYPE, "input", "absorbed");
		Map<Long, Row> locked = lock(List.of(survivorId, absorbedId));
		Row survivor = existing(locked, survivorId, input.survivor(), "input", "survivor");
		Row absorbed = existing(locked, absorbedId, input.absorbed(), "input", "absorbed");
		if (absorbed.mergedInto() != null) {
			throw ApiException.badInput(absorbed.name() + " was merged already, into the organization with id "
					+ GlobalId.of(TYPE, absorbed.mergedInto()), "input", "absorbed");
		}
		if (survivor.mergedInto() != null) {
			throw ApiException.badInput(survivor.name() + " was merged into the organization with id "
					+ GlobalId.of(TYPE, survivor.mergedInto()) + "; merge into that one", "input", "survivor");
		}
		audit.target(TYPE, survivorId).target(TYPE, absorbedId);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("survivor", snapshot(survivorId));
		before.put("absorbed", snapshot(absorbedId));
		audit.before(before);

		Map<String, Object> both = Map.of("s", survivorId, "a", absorbedId);
		// links the survivor has already would become duplicates: they are dropped
		this.jdbc.update("delete from organization_alias where organization_id = :a and normalized_key in "
				+ "(select normalized_key from organization_alias where organization_id = :s)", both);
		int aliases = this.jdbc.update("update organization_alias set organization_id = :s where organization_id = :a",
				both);
		int perpetrators = this.jdbc
			.update("update incident_perpetrator set organization_id = :s where organization_id = :a", both);
		int actors = this.jdbc.update("update source_record_actor set organization_id = :s where organization_id = :a",
				both);
		this.jdbc.update("delete from dialogue_threat where organization_id = :a and dialogue_id in "
				+ "(select dialogue_id from dialogue_threat where organization_id = :s)", both);
		int threats = this.jdbc.update("update dialogue_threat set organization_id = :s where organization_id = :a",
				both);
		int delegates = this.jdbc.update("update dialogue_delegate set organization_id = :s where organization_id = :a",
				both);
		int children = this.jdbc.update("update organization set parent_id = :s where parent_id = :a and id <> :s",
				both);
		if (Objects.equals(survivor.parentId(), absorbedId)) {
			// the survivor was the absorbed one's child: it takes its grandparent
			Long grandparent = Objects.equals(absorbed.parentId(), survivorId) ? null : absorbed.parentId();
			this.jdbc.update("update organization set parent_id = :parent where id = :s",
					new MapSqlParameterSource("s", survivorId).addValue("parent", grandparent));
		}
		int publications = this.jdbc.update("update source_document set publisher_id = :s where publisher_id = :a",
				both) + this.jdbc.update("update security_report set publisher_id = :s where publisher_id = :a", both);
		int earlier = this.jdbc.update("update organization set merged_into_id = :s where merged_into_id = :a", both);
		this.jdbc.update("update organization set merged_into_id = :s where id = :a", both);
		this.families.organizationsChanged();

		MergedLinks moved = new MergedLinks(aliases, perpetrators, actors, threats, delegates, children, publications,
				earlier);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("survivor", snapshot(survivorId));
		after.put("absorbed", snapshot(absorbedId));
		after.put("moved", moved);
		audit.after(after);
		return new Merge(survivorId, absorbedId, moved);
	}

	private Row lockedSurvivor(long id, String globalId, Object... path) {
		Row row = existing(lock(List.of(id)), id, globalId, path);
		if (row.mergedInto() != null) {
			throw ApiException.badInput(row.name() + " was merged into the organization with id "
					+ GlobalId.of(TYPE, row.mergedInto()) + "; its names are that organization's now", path);
		}
		return row;
	}

	private static Row existing(Map<Long, Row> rows, long id, String globalId, Object... path) {
		Row row = rows.get(id);
		if (row == null) {
			throw Checks.notFound("no organization has the id '" + globalId + "'", path);
		}
		return row;
	}

	private Map<Long, Row> lock(List<Long> ids) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		this.jdbc.query("select id, name, acronym, parent_id, merged_into_id from organization where id in (:ids) "
				+ "order by id for update", Map.of("ids", ids), (rs) -> {
					rows.put(rs.getLong("id"), new Row(rs.getLong("id"), rs.getString("name"), rs.getString("acronym"),
							rs.getObject("parent_id", Long.class), rs.getObject("merged_into_id", Long.class)));
				});
		return rows;
	}

	/** The organization as the audit log keeps it: its columns and aliases. */
	private Map<String, Object> snapshot(long id) {
		Map<String, Object> state = new LinkedHashMap<>();
		this.jdbc.query("select id, ref_key, name, acronym, kind, country, parent_id, merged_into_id "
				+ "from organization where id = :id", Map.of("id", id), (rs) -> {
					state.put("id", rs.getLong("id"));
					state.put("key", rs.getString("ref_key"));
					state.put("name", rs.getString("name"));
					state.put("acronym", rs.getString("acronym"));
					state.put("kind", rs.getString("kind"));
					state.put("country", rs.getString("country"));
					state.put("parent", rs.getObject("parent_id", Long.class));
					state.put("mergedInto", rs.getObject("merged_into_id", Long.class));
				});
		List<Map<String, Object>> aliases = new ArrayList<>();
		this.jdbc.query("select alias, valid_from, valid_to, note from organization_alias where organization_id = :id "
				+ "order by alias, id", Map.of("id", id), (rs) -> {
					Map<String, Object> alias = new LinkedHashMap<>();
					alias.put("name", rs.getString("alias"));
					alias.put("validFrom", text(rs.getObject("valid_from", LocalDate.class)));
					alias.put("validTo", text(rs.getObject("valid_to", LocalDate.class)));
					alias.put("note", rs.getString("note"));
					aliases.add(alias);
				});
		state.put("aliases", aliases);
		return state;
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static Date sqlDate(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	private static LocalDate localDate(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		return (value instanceof Date date) ? date.toLocalDate() : null;
	}

	/** An alias added to or removed from an organization. */
	record AliasChange(long organizationId, Alias alias) {
	}

	/** A merge done. */
	record Merge(long survivorId, long absorbedId, MergedLinks moved) {
	}

	/** The columns of a locked organization that the checks need. */
	private record Row(long id, String name, String acronym, Long parentId, Long mergedInto) {
	}

}
