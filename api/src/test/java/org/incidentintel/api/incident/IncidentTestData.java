package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.common.NameKey;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A small, explicit dataset written through JDBC, and the builders that write it. Each
 * incident has a unique {@code place}, which the tests use to name it.
 * <p>
 * Regions: Khyber Pakhtunkhwa (North-West Frontier Province and NWFP until 2010-04-18),
 * FATA (until 2018-05-30, then merged into Khyber Pakhtunkhwa), Balochistan, Sindh, and
 * two regions named Punjab (Pakistan and India). Organizations: TTP, ISKP (alias Daesh),
 * Jamaat-ul-Ahrar (merged into TTP), BLA.
 */
final class IncidentTestData {

	private final NamedParameterJdbcTemplate jdbc;

	final Map<String, Long> regions = new HashMap<>();

	final Map<String, Long> organizations = new HashMap<>();

	final Map<String, Long> incidents = new LinkedHashMap<>();

	final Map<String, Long> runs = new HashMap<>();

	private final OrganizationFamiliesCache families;

	IncidentTestData(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families) {
		this.jdbc = jdbc;
		this.families = families;
	}

	void clear() {
		TestDatabase.clear(this.jdbc.getJdbcTemplate());
		this.families.reload();
	}

	// As every writer of merges and factions does: the API's families are reloaded
	void organizationsChanged() {
		this.families.reload();
	}

	// As every writer of incident rows does: the statistics cells are stale now
	void incidentsChanged() {
		TestDatabase.incidentsChanged(this.jdbc.getJdbcTemplate());
	}

	/** The standard dataset: 16 incidents, 2005-2024. */
	IncidentTestData seed() {
		run("ucdp", "ucdp-ged");
		run("gtd", "gtd");
		run("acled", "acled");

		region("pk-kp", "PAK", "Khyber Pakhtunkhwa", null, null, name("Khyber Pakhtunkhwa", null, null),
				name("North-West Frontier Province", null, "2010-04-18"), name("NWFP", null, "2010-04-18"),
				name("KPK", null, null));
		region("pk-ta", "PAK", "Federally Administered Tribal Areas", "2018-05-30", "pk-kp",
				name("Federally Administered Tribal Areas", null, "2018-05-30"), name("FATA", null, null));
		region("pk-ba", "PAK", "Balochistan", null, null, name("Balochistan", null, null),
				name("Baluchistan", null, null));
		region("pk-sd", "PAK", "Sindh", null, null, name("Sindh", null, null));
		region("pk-pb", "PAK", "Punjab", null, null, name("Punjab", null, null));
		region("in-pb", "IND", "Punjab", null, null, name("Punjab", null, null));

		organization("ttp", "Tehrik-i-Taliban Pakistan", "TTP", null, "Tehreek-e-Taliban Pakistan");
		organization("iskp", "Islamic State Khorasan Province", "ISKP", null, "ISIS-K", "Daesh");
		organization("jua", "Jamaat-ul-Ahrar", "JuA", "ttp");
		organization("bla", "Balochistan Liberation Army", "BLA", null);

		incident("Peshawar 2005").on("2005-03-10")
			.in("pk-kp", "pk-kp", "North-West Frontier Province")
			.at(34.0, 71.57)
			.casualties(5, 10)
			.perpetrator(null, "Local militants")
			.source("ucdp", "ucdp-1")
			.save();
		incident("Wana 2008").month("2008-06")
			.kind("CLASH")
			.in("pk-kp", "pk-ta", "Federally Administered Tribal Areas")
			.casualties(20, null)
			.perpetrator("ttp", "TTP", "SIDE_B", false)
			.source("ucdp", "ucdp-2")
			.source("gtd", "gtd-2")
			.save();
		incident("Mardan 2009").on("2009-12-20")
			.in("pk-kp", "pk-kp", "North-West Frontier Province")
			.at(34.2, 72.05)
			.casualties(12, 30)
			.perpetrator("ttp", "Tehreek-e-Taliban Pakistan")
			.source("gtd", "gtd-3")
			.save();
		incident("Swat 2012").on("2012-10-09")
			.in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa")
			.summary("Shooting of a schoolgirl on her way home")
			.casualties(0, 3)
			.perpetrator("ttp", "TTP")
			.attackTypes("Armed assault")
			.targets("Educational institution", "Private citizens")
			.source("gtd", "gtd-4")
			.save();
		incident("Khyber 2015").on("2015-02-01")
			.kind("STRIKE")
			.in("pk-kp", "pk-ta", "Federally Administered Tribal Areas")
			.casualties(8, null)
			.source("ucdp", "ucdp-5")
			.save();
		incident("Lahore 2016").on("2016-03-27")
			.in("pk-pb", "pk-pb", "Punjab")
			.casualties(75, 340)
			.perpetrator("jua", "Jamaat-ul-Ahrar", "CLAIMED", false)
			.source("ucdp", "ucdp-6")
			.save();
		incident("Quetta 2016").on("2016-08-08")
			.in("pk-ba", "pk-ba", "Balochistan")
			.at(30.18, 67.0)
			.casualties(70, 112)
			.perpetrator("iskp", "Islamic State (IS)", "CLAIMED", false)
			.perpetrator("jua", "Jamaat-ul-Ahrar", "CLAIMED", false)
			.source("gtd", "gtd-7")
			.source("ucdp", "ucdp-7")
			.save();
		incident("Mastung 2018").on("2018-07-13")
			.in("pk-ba", "pk-ba", "Balochistan")
			.casualties(149, 186)
			.perpetrator("iskp", "ISIS-K")
			.source("gtd", "gtd-8")
			.save();
		incident("Bajaur 2019").on("2019-07-01")
			.in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa")
			.casualties(3, 5)
			.perpetrator("jua", "Jamaat-ul-Ahrar")
			.source("ucdp", "ucdp-9")
			.save();
		incident("Amritsar 2010").on("2010-05-05")
			.country("IND")
			.in("in-pb", "in-pb", "Punjab")
			.casualties(2, 1)
			.source("acled", "acled-10")
			.save();
		incident("Peshawar 2024").on("2024-01-15")
			.in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa")
			.at(34.01, 71.58)
			.casualties(10, 5)
			.perpetrator("ttp", "TTP")
			.source("ucdp", "ucdp-11")
			.save();
		incident("Dera Ismail Khan 2024").on("2024-02-20")
			.in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa")
			.casualties(40, 20)
			.perpetrator("ttp", "TTP (suspected)", "PERPETRATOR", true)
			.source("ucdp", "ucdp-12")
			.save();
		incident("Quetta 2024").on("2024-03-05")
			.in("pk-ba", "pk-ba", "Balochistan")
			.casualties(30, 25)
			.perpetrator("bla", "BLA")
			.source("ucdp", "ucdp-13")
			.save();
		incident("Gwadar 2024").on("2024-03-20")
			.kind("SECURITY_OPERATION")
			.in("pk-ba", "pk-ba", "Balochistan")
			.source("ucdp", "ucdp-14")
			.save();
		incident("Karachi 2024").on("2024-03-25")
			.in("pk-sd", "pk-sd", "Sindh")
			.summary("Grenade attack on a market")
			.casualties(0, 2)
			.source("ucdp", "ucdp-15")
			.save();
		incident("Khyber 2024").on("2024-04-10")
			.in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa")
			.casualties(7, null)
			.perpetrator("ttp", "TTP")
			.source("ucdp", "ucdp-16")
			.save();
		return this;
	}

	void run(String key, String dataset) {
		this.runs.put(key,
				insert("insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
						+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count) values (:dataset, "
						+ ":file, :checksum, 'COMPLETED', :now, :now, 1, 1, 0, 0, 0)",
						new MapSqlParameterSource().addValue("dataset", dataset)
							.addValue("file", dataset + ".csv")
							.addValue("checksum", checksum(dataset))
							.addValue("now", OffsetDateTime.now(ZoneOffset.UTC))));
	}

	static String checksum(String dataset) {
		return String.format("%064x", Math.abs(dataset.hashCode()));
	}

	void region(String key, String country, String name, String validTo, String mergedInto, Object[]... names) {
		long id = insert(
				"insert into region (ref_key, country, name, valid_to, merged_into_id) values (:key, :country, :name, "
						+ ":validTo, :mergedInto)",
				new MapSqlParameterSource().addValue("key", key)
					.addValue("country", country)
					.addValue("name", name)
					.addValue("validTo", date(validTo), java.sql.Types.DATE)
					.addValue("mergedInto", (mergedInto != null) ? this.regions.get(mergedInto) : null,
							java.sql.Types.BIGINT));
		this.regions.put(key, id);
		for (Object[] alternative : names) {
			this.jdbc.update(
					"insert into region_name (region_id, name, normalized_key, valid_from, valid_to) values (:region, "
							+ ":name, :key, :from, :to)",
					new MapSqlParameterSource().addValue("region", id)
						.addValue("name", alternative[0])
						.addValue("key", NameKey.of((String) alternative[0]))
						.addValue("from", date((String) alternative[1]), java.sql.Types.DATE)
						.addValue("to", date((String) alternative[2]), java.sql.Types.DATE));
		}
	}

	static Object[] name(String name, String validFrom, String validTo) {
		return new Object[] { name, validFrom, validTo };
	}

	/**
	 * An organization; its name and acronym are aliases too, as the reference loader
	 * does.
	 */
	void organization(String key, String name, String acronym, String mergedInto, String... aliases) {
		organizationOfKind("MILITANT_GROUP", key, name, acronym, mergedInto, aliases);
	}

	void organizationOfKind(String kind, String key, String name, String acronym, String mergedInto,
			String... aliases) {
		long id = insert(
				"insert into organization (ref_key, name, acronym, kind, merged_into_id) values (:key, :name, :acronym, "
						+ ":kind, :mergedInto)",
				new MapSqlParameterSource().addValue("key", key)
					.addValue("kind", kind)
					.addValue("name", name)
					.addValue("acronym", acronym)
					.addValue("mergedInto", (mergedInto != null) ? this.organizations.get(mergedInto) : null,
							java.sql.Types.BIGINT));
		this.organizations.put(key, id);
		organizationsChanged();
		alias(id, name);
		alias(id, acronym);
		for (String alias : aliases) {
			alias(id, alias);
		}
	}

	private void alias(long organizationId, String alias) {
		this.jdbc.update(
				"insert into organization_alias (organization_id, alias, normalized_key) values (:id, :alias, :key)",
				Map.of("id", organizationId, "alias", alias, "key", NameKey.of(alias)));
	}

	IncidentBuilder incident(String place) {
		return new IncidentBuilder(place);
	}

	private long insert(String sql, MapSqlParameterSource parameters) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(sql, parameters, keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	private static LocalDate date(String text) {
		return (text != null) ? LocalDate.parse(text) : null;
	}

	/** Writes one incident with its actors, attack types, targets and source records. */
	final class IncidentBuilder {

		private final String place;

		private LocalDate start;

		private LocalDate end;

		private String precision = "DAY";

		private String kind = "ATTACK";

		private String country = "PAK";

		private String region;

		private String regionAtEvent;

		private String regionNameAtEvent;

		private Double latitude;

		private Double longitude;

		private Integer killed;

		private Integer injured;

		private String summary;

		private final List<Object[]> perpetrators = new java.util.ArrayList<>();

		private final List<Object[]> sources = new java.util.ArrayList<>();

		private String[] attackTypes = {};

		private String[] targets = {};

		IncidentBuilder(String place) {
			this.place = place;
		}

		IncidentBuilder on(String day) {
			this.start = LocalDate.parse(day);
			this.end = this.start;
			return this;
		}

		IncidentBuilder month(String month) {
			this.start = LocalDate.parse(month + "-01");
			this.end = this.start.plusMonths(1).minusDays(1);
			this.precision = "MONTH";
			return this;
		}

		IncidentBuilder kind(String kind) {
			this.kind = kind;
			return this;
		}

		IncidentBuilder country(String country) {
			this.country = country;
			return this;
		}

		IncidentBuilder in(String region, String regionAtEvent, String nameAtEvent) {
			this.region = region;
			this.regionAtEvent = regionAtEvent;
			this.regionNameAtEvent = nameAtEvent;
			return this;
		}

		IncidentBuilder at(double latitude, double longitude) {
			this.latitude = latitude;
			this.longitude = longitude;
			return this;
		}

		IncidentBuilder casualties(Integer killed, Integer injured) {
			this.killed = killed;
			this.injured = injured;
			return this;
		}

		IncidentBuilder summary(String summary) {
			this.summary = summary;
			return this;
		}

		IncidentBuilder perpetrator(String organization, String name) {
			return perpetrator(organization, name, "PERPETRATOR", false);
		}

		IncidentBuilder perpetrator(String organization, String name, String role, boolean suspected) {
			this.perpetrators.add(new Object[] { organization, name, role, suspected });
			return this;
		}

		IncidentBuilder attackTypes(String... attackTypes) {
			this.attackTypes = attackTypes;
			return this;
		}

		IncidentBuilder targets(String... targets) {
			this.targets = targets;
			return this;
		}

		/** A source record reporting the incident's own casualties. */
		IncidentBuilder source(String run, String recordId) {
			this.sources.add(new Object[] { run, recordId, null, null, true });
			return this;
		}

		/** A source record reporting casualties of its own. */
		IncidentBuilder source(String run, String recordId, Integer killed, Integer injured) {
			this.sources.add(new Object[] { run, recordId, killed, injured, false });
			return this;
		}

		long save() {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			Long killedHigh = (this.killed != null) ? (long) this.killed + 2 : null;
			long id = insert("insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
					+ "region_at_event_id, region_name_at_event, place, latitude, longitude, killed, killed_low, "
					+ "killed_high, killed_civilians, injured, summary, created_at, updated_at) values (:start, :end, "
					+ ":precision, :kind, :country, :region, :regionAtEvent, :nameAtEvent, :place, :latitude, "
					+ ":longitude, :killed, :killed, :killedHigh, :killed, :injured, :summary, :now, :now)",
					new MapSqlParameterSource().addValue("start", this.start)
						.addValue("end", this.end)
						.addValue("precision", this.precision)
						.addValue("kind", this.kind)
						.addValue("country", this.country)
						.addValue("region", IncidentTestData.this.regions.get(this.region), java.sql.Types.BIGINT)
						.addValue("regionAtEvent", IncidentTestData.this.regions.get(this.regionAtEvent),
								java.sql.Types.BIGINT)
						.addValue("nameAtEvent", this.regionNameAtEvent)
						.addValue("place", this.place)
						.addValue("latitude", this.latitude, java.sql.Types.DOUBLE)
						.addValue("longitude", this.longitude, java.sql.Types.DOUBLE)
						.addValue("killed", this.killed, java.sql.Types.INTEGER)
						.addValue("killedHigh", (killedHigh != null) ? killedHigh.intValue() : null,
								java.sql.Types.INTEGER)
						.addValue("injured", this.injured, java.sql.Types.INTEGER)
						.addValue("summary", this.summary)
						.addValue("now", now));
			incidentsChanged();
			IncidentTestData.this.incidents.put(this.place, id);
			for (Object[] perpetrator : this.perpetrators) {
				IncidentTestData.this.jdbc.update(
						"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, suspected) "
								+ "values (:incident, :organization, :name, :role, :suspected)",
						new MapSqlParameterSource().addValue("incident", id)
							.addValue("organization", IncidentTestData.this.organizations.get(perpetrator[0]),
									java.sql.Types.BIGINT)
							.addValue("name", perpetrator[1])
							.addValue("role", perpetrator[2])
							.addValue("suspected", perpetrator[3]));
			}
			for (String attackType : this.attackTypes) {
				IncidentTestData.this.jdbc.update(
						"insert into incident_attack_type (incident_id, attack_type) values (:incident, :value)",
						Map.of("incident", id, "value", attackType));
			}
			for (String target : this.targets) {
				IncidentTestData.this.jdbc.update(
						"insert into incident_target (incident_id, target) values (:incident, :value)",
						Map.of("incident", id, "value", target));
			}
			int line = 2;
			for (Object[] source : this.sources) {
				String recordId = (String) source[1];
				boolean incidentsOwn = (Boolean) source[4];
				String dataset = recordId.substring(0, recordId.indexOf('-')).replace("ucdp", "ucdp-ged");
				IncidentTestData.this.jdbc
					.update("insert into source_record (dataset, file_checksum, source_record_id, "
							+ "ingest_run_id, line_number, content_hash, date_start, date_end, date_precision, kind, country, "
							+ "raw_record, incident_id, match_score, killed, injured) values (:dataset, :checksum, "
							+ ":recordId, :run, :line, 'hash', :start, :end, :precision, :kind, :country, 'raw', "
							+ ":incident, :score, :killed, :injured)",
							new MapSqlParameterSource().addValue("dataset", dataset)
								.addValue("checksum", checksum(dataset))
								.addValue("recordId", recordId)
								.addValue("run", IncidentTestData.this.runs.get(source[0]))
								.addValue("line", line++)
								.addValue("start", this.start)
								.addValue("end", this.end)
								.addValue("precision", this.precision)
								.addValue("kind", this.kind)
								.addValue("country", this.country)
								.addValue("incident", id)
								.addValue("score", (line > 3) ? 0.9 : null, java.sql.Types.DOUBLE)
								.addValue("killed", incidentsOwn ? this.killed : source[2], java.sql.Types.INTEGER)
								.addValue("injured", incidentsOwn ? this.injured : source[3], java.sql.Types.INTEGER));
			}
			return id;
		}

	}

}
