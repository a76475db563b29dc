package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What {@code incident}, {@code incidents}, {@code Organization.incidents} and
 * {@code incidentStatistics} must do on every supported database, end to end over HTTP on
 * the dataset of {@link IncidentTestData}. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IncidentQueriesContract {

	private static final String PLACES = """
			query($filter: IncidentFilter, $orderBy: [IncidentOrder!], $first: Int, $after: String, $last: Int, $before: String) {
			  incidents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { place } }
			  }
			}
			""";

	private static final String STATISTICS = """
			query($filter: IncidentFilter, $groupBy: [IncidentDimension!]!) {
			  incidentStatistics(filter: $filter, groupBy: $groupBy) {
			    totals { incidents killed injured }
			    buckets {
			      key {
			        country region { name } regionAtEvent { name } year quarter month kind
			        perpetrator { name organization { key } } actor { name } source
			      }
			      incidents killed injured incidentsShare killedShare
			    }
			  }
			}
			""";

	private static final String ORGANIZATION_INCIDENTS = """
			query($name: String!, $filter: IncidentFilter, $orderBy: [IncidentOrder!], $first: Int, $after: String) {
			  organization(name: $name) {
			    name
			    incidents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
			      totalCount
			      pageInfo { hasNextPage hasPreviousPage endCursor }
			      edges { cursor node { id place } }
			    }
			  }
			}
			""";

	private static final List<String> TTP_AND_MERGED = List.of("Khyber 2024", "Dera Ismail Khan 2024", "Peshawar 2024",
			"Bajaur 2019", "Quetta 2016", "Lahore 2016", "Swat 2012", "Mardan 2009", "Wana 2008");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	OrganizationFamiliesCache families;

	IncidentTestData data;

	@BeforeEach
	void seed() {
		this.data = new IncidentTestData(this.jdbc, this.families);
		this.data.clear();
		this.data.seed();
	}

	@AfterAll
	void leaveTheDatabaseEmpty() {
		new IncidentTestData(this.jdbc, this.families).clear();
	}

	// Paging
	// ---------------------------------------------------------------------------------

	@Test
	void pagesForwardWithCursorsMostRecentFirst() {
		Page first = page(Map.of("first", 5));
		assertThat(first.places()).containsExactly("Khyber 2024", "Karachi 2024", "Gwadar 2024", "Quetta 2024",
				"Dera Ismail Khan 2024");
		assertThat(first.totalCount()).isEqualTo(16);
		assertThat(first.hasNextPage()).isTrue();
		assertThat(first.hasPreviousPage()).isFalse();
		assertThat(first.startCursor()).isEqualTo(first.cursors().get(0));

		Page second = page(Map.of("first", 5, "after", first.endCursor()));
		assertThat(second.places()).containsExactly("Peshawar 2024", "Bajaur 2019", "Mastung 2018", "Quetta 2016",
				"Lahore 2016");
		assertThat(second.hasPreviousPage()).isTrue();

		Page third = page(Map.of("first", 5, "after", second.endCursor()));
		Page fourth = page(Map.of("first", 5, "after", third.endCursor()));
		assertThat(third.places()).containsExactly("Khyber 2015", "Swat 2012", "Amritsar 2010", "Mardan 2009",
				"Wana 2008");
		assertThat(fourth.places()).containsExactly("Peshawar 2005");
		assertThat(fourth.hasNextPage()).isFalse();
		assertThat(fourth.totalCount()).isEqualTo(16);
	}

	@Test
	void pagesBackwardWithCursors() {
		Page last = page(Map.of("last", 5));
		assertThat(last.places()).containsExactly("Swat 2012", "Amritsar 2010", "Mardan 2009", "Wana 2008",
				"Peshawar 2005");
		assertThat(last.hasPreviousPage()).isTrue();
		assertThat(last.hasNextPage()).isFalse();

		Page before = page(Map.of("last", 5, "before", last.startCursor()));
		assertThat(before.places()).containsExactly("Bajaur 2019", "Mastung 2018", "Quetta 2016", "Lahore 2016",
				"Khyber 2015");
		assertThat(before.hasPreviousPage()).isTrue();
		assertThat(before.hasNextPage()).isTrue();

		Page start = page(Map.of("last", 10, "before", before.startCursor()));
		assertThat(start.places()).containsExactly("Khyber 2024", "Karachi 2024", "Gwadar 2024", "Quetta 2024",
				"Dera Ismail Khan 2024", "Peshawar 2024");
		assertThat(start.hasPreviousPage()).isFalse();
		assertThat(start.totalCount()).isEqualTo(16);
	}

	@Test
	void cursorStaysValidWhenNewerIncidentsArrive() {
		Page first = page(Map.of("first", 3));
		Page expected = page(Map.of("first", 3, "after", first.endCursor()));

		this.data.incident("Newest 2025").on("2025-01-01").in("pk-kp", "pk-kp", "Khyber Pakhtunkhwa").save();

		Page second = page(Map.of("first", 3, "after", first.endCursor()));
		assertThat(second.places()).containsExactlyElementsOf(expected.places())
			.containsExactly("Quetta 2024", "Dera Ismail Khan 2024", "Peshawar 2024");
		assertThat(second.totalCount()).isEqualTo(17);
		assertThat(page(Map.of("first", 1)).places()).containsExactly("Newest 2025");
	}

	@Test
	void pageOverTheCapIsRefused() {
		assertError(PLACES, Map.of("first", 101), "LIMIT_EXCEEDED", "first");
		assertError(PLACES, Map.of("last", 101), "LIMIT_EXCEEDED", "last");
		assertThat(page(Map.of("first", 100)).places()).hasSize(16);
	}

	@Test
	void foreignCursorsAreRefused() {
		// A malformed cursor and a repeated order key: IncidentGraphQlTests
		String byDate = page(Map.of("first", 1)).endCursor();
		assertError(PLACES, Map.of("after", byDate, "orderBy", List.of(order("KILLED", "DESC"))), "BAD_USER_INPUT",
				"after");
	}

	@Test
	void ordersByKilledDescendingStablyWithUnknownLast() {
		List<String> expected = List.of("Mastung 2018", "Lahore 2016", "Quetta 2016", "Dera Ismail Khan 2024",
				"Quetta 2024", "Wana 2008", "Mardan 2009", "Peshawar 2024", "Khyber 2015", "Khyber 2024",
				"Peshawar 2005", "Bajaur 2019", "Amritsar 2010", "Karachi 2024", "Swat 2012", "Gwadar 2024");
		List<Object> orderBy = List.of(order("KILLED", "DESC"));
		assertThat(page(Map.of("first", 100, "orderBy", orderBy)).places()).containsExactlyElementsOf(expected);
		assertThat(allPagesForward(orderBy, 3)).containsExactlyElementsOf(expected);
		assertThat(allPagesBackward(orderBy, 4)).containsExactlyElementsOf(expected);
		// The direction defaults to descending
		assertThat(page(Map.of("first", 100, "orderBy", List.of(Map.of("field", "KILLED")))).places())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void ordersByInjuredAscendingWithUnknownLastAndTiesById() {
		List<String> expected = List.of("Amritsar 2010", "Karachi 2024", "Swat 2012", "Bajaur 2019", "Peshawar 2024",
				"Peshawar 2005", "Dera Ismail Khan 2024", "Quetta 2024", "Mardan 2009", "Quetta 2016", "Mastung 2018",
				"Lahore 2016", "Wana 2008", "Khyber 2015", "Gwadar 2024", "Khyber 2024");
		List<Object> orderBy = List.of(order("INJURED", "ASC"));
		assertThat(allPagesForward(orderBy, 5)).containsExactlyElementsOf(expected);
		assertThat(allPagesBackward(orderBy, 3)).containsExactlyElementsOf(expected);
	}

	@Test
	void ordersBySeveralKeys() {
		List<Object> orderBy = List.of(order("KILLED", "ASC"), order("DATE", "DESC"));
		List<String> expected = page(Map.of("first", 100, "orderBy", orderBy)).places();
		assertThat(expected).startsWith("Karachi 2024", "Swat 2012", "Amritsar 2010").endsWith("Gwadar 2024");
		assertThat(allPagesForward(orderBy, 2)).containsExactlyElementsOf(expected);
		assertThat(allPagesBackward(orderBy, 2)).containsExactlyElementsOf(expected);
	}

	// Filters
	// ---------------------------------------------------------------------------------

	@Test
	void filtersByOverlapWithTheIncidentsSpan() {
		assertThat(places(Map.of("date", Map.of("from", "2008-06-15", "to", "2008-06-20"))))
			.containsExactly("Wana 2008");
		assertThat(places(Map.of("date", Map.of("from", "2024-01-01", "to", "2024-03-31"))))
			.containsExactly("Karachi 2024", "Gwadar 2024", "Quetta 2024", "Dera Ismail Khan 2024", "Peshawar 2024");
		assertThat(places(Map.of("date", Map.of("from", "2024-04-01")))).containsExactly("Khyber 2024");
		assertThat(places(Map.of("date", Map.of("to", "2005-12-31")))).containsExactly("Peshawar 2005");
	}

	@Test
	void filtersByCountry() {
		assertThat(places(Map.of("country", List.of("IND")))).containsExactly("Amritsar 2010");
		assertThat(places(Map.of("country", List.of("pak", "IND")))).hasSize(16);
		assertThat(places(Map.of("country", List.of()))).hasSize(16);
	}

	@Test
	void filtersByKind() {
		assertThat(places(Map.of("kind", List.of("STRIKE", "SECURITY_OPERATION")))).containsExactly("Gwadar 2024",
				"Khyber 2015");
		assertThat(places(Map.of("kind", List.of("CLASH")))).containsExactly("Wana 2008");
	}

	@Test
	void filtersByCasualtyRanges() {
		assertThat(places(Map.of("killed", Map.of("min", 50)))).containsExactly("Mastung 2018", "Quetta 2016",
				"Lahore 2016");
		assertThat(places(Map.of("killed", Map.of("max", 0)))).containsExactly("Karachi 2024", "Swat 2012");
		assertThat(places(Map.of("killed", Map.of("min", 10, "max", 30)))).containsExactly("Quetta 2024",
				"Peshawar 2024", "Mardan 2009", "Wana 2008");
		assertThat(places(Map.of("injured", Map.of("min", 100, "max", 200)))).containsExactly("Mastung 2018",
				"Quetta 2016");
	}

	@Test
	void filtersBySourceDataset() {
		assertThat(places(Map.of("source", List.of("gtd")))).containsExactly("Mastung 2018", "Quetta 2016", "Swat 2012",
				"Mardan 2009", "Wana 2008");
		assertThat(places(Map.of("source", List.of("ACLED")))).containsExactly("Amritsar 2010");
		assertThat(places(Map.of("source", List.of("ucdp-ged", "acled")))).hasSize(13);
		assertThat(places(Map.of("source", List.of("nowhere")))).isEmpty();
	}

	@Test
	void filtersByTextInSummaryAndPlace() {
		assertThat(places(Map.of("text", "SCHOOLGIRL"))).containsExactly("Swat 2012");
		assertThat(places(Map.of("text", "quetta"))).containsExactly("Quetta 2024", "Quetta 2016");
		assertThat(places(Map.of("text", "grenade attack"))).containsExactly("Karachi 2024");
		assertThat(places(Map.of("text", "100%"))).isEmpty();
		assertThat(places(Map.of("text", "  "))).hasSize(16);
	}

	@Test
	void filtersByDistance() {
		Map<String, Object> peshawar = new HashMap<>(Map.of("latitude", 34.0, "longitude", 71.57, "radiusKm", 30));
		assertThat(places(Map.of("near", peshawar))).containsExactly("Peshawar 2024", "Peshawar 2005");
		peshawar.put("radiusKm", 60);
		assertThat(places(Map.of("near", peshawar))).containsExactly("Peshawar 2024", "Mardan 2009", "Peshawar 2005");
		assertThat(places(Map.of("near", Map.of("latitude", 30.2, "longitude", 67.0, "radiusKm", 5))))
			.containsExactly("Quetta 2016");
	}

	@Test
	void regionByCurrentNameOrAliasFindsAllTheRegionsIncidents() {
		List<String> khyberPakhtunkhwa = List.of("Khyber 2024", "Dera Ismail Khan 2024", "Peshawar 2024", "Bajaur 2019",
				"Khyber 2015", "Swat 2012", "Mardan 2009", "Wana 2008", "Peshawar 2005");
		assertThat(places(Map.of("region", List.of("Khyber Pakhtunkhwa"))))
			.containsExactlyElementsOf(khyberPakhtunkhwa);
		assertThat(places(Map.of("region", List.of("KPK")))).containsExactlyElementsOf(khyberPakhtunkhwa);
		assertThat(places(Map.of("region", List.of("khyber pakhtunkhwa province"))))
			.containsExactlyElementsOf(khyberPakhtunkhwa);
		assertThat(places(Map.of("region", List.of("Baluchistan")))).containsExactly("Gwadar 2024", "Quetta 2024",
				"Mastung 2018", "Quetta 2016");
		assertThat(places(Map.of("region", List.of("Punjab")))).containsExactly("Lahore 2016", "Amritsar 2010");
	}

	@Test
	void regionByFormerNameFindsTheIncidentsOfItsPeriodOnly() {
		assertThat(places(Map.of("region", List.of("NWFP")))).containsExactly("Mardan 2009", "Peshawar 2005");
		assertThat(places(Map.of("region", List.of("North-West Frontier Province")))).containsExactly("Mardan 2009",
				"Peshawar 2005");
		assertThat(places(Map.of("region", List.of("NWFP", "Sindh")))).containsExactly("Karachi 2024", "Mardan 2009",
				"Peshawar 2005");
	}

	@Test
	void regionThatNoLongerExistsFindsTheIncidentsInItAtEventTime() {
		assertThat(places(Map.of("region", List.of("FATA")))).containsExactly("Khyber 2015", "Wana 2008");
		assertThat(places(Map.of("region", List.of("Federally Administered Tribal Areas"))))
			.containsExactly("Khyber 2015", "Wana 2008");
	}

	@Test
	void unknownRegionIsRefusedByName() {
		ResponseError error = assertFilterError(Map.of("region", List.of("Sindh", "Atlantis")), "BAD_USER_INPUT",
				"filter", "region", 1);
		assertThat(error.getMessage()).contains("Atlantis");
	}

	@Test
	void perpetratorByAnyAliasOrId() {
		assertThat(places(Map.of("perpetrator", List.of("Daesh")))).containsExactly("Mastung 2018", "Quetta 2016");
		assertThat(places(Map.of("perpetrator", List.of("Isis-K")))).containsExactly("Mastung 2018", "Quetta 2016");
		String iskp = GlobalId.of("Organization", this.data.organizations.get("iskp"));
		assertThat(places(Map.of("perpetrator", List.of(iskp)))).containsExactly("Mastung 2018", "Quetta 2016");
		assertThat(places(Map.of("perpetrator", List.of("BLA", "Daesh")))).containsExactly("Quetta 2024",
				"Mastung 2018", "Quetta 2016");
	}

	@Test
	void perpetratorFollowsMergesBothWays() {
		List<String> ttpAndMerged = List.of("Khyber 2024", "Dera Ismail Khan 2024", "Peshawar 2024", "Bajaur 2019",
				"Quetta 2016", "Lahore 2016", "Swat 2012", "Mardan 2009", "Wana 2008");
		assertThat(places(Map.of("perpetrator", List.of("Tehreek-e-Taliban Pakistan"))))
			.containsExactlyElementsOf(ttpAndMerged);
		assertThat(places(Map.of("perpetrator", List.of("Jamaat-ul-Ahrar")))).containsExactlyElementsOf(ttpAndMerged);
	}

	@Test
	void unknownPerpetratorIsRefusedByName() {
		ResponseError error = assertFilterError(Map.of("perpetrator", List.of("Nobody at all")), "BAD_USER_INPUT",
				"filter", "perpetrator", 0);
		assertThat(error.getMessage()).contains("Nobody at all");
		assertFilterError(Map.of("perpetrator", List.of(GlobalId.of("Organization", 999_999_999))), "BAD_USER_INPUT",
				"filter", "perpetrator", 0);
	}

	@Test
	void combinesFiltersWithAndOrNot() {
		Map<String, Object> filter = Map.of("country", List.of("PAK"), "or",
				List.of(Map.of("region", List.of("FATA")), Map.of("perpetrator", List.of("Daesh"))), "not",
				Map.of("killed", Map.of("min", 100)));
		assertThat(places(filter)).containsExactly("Quetta 2016", "Khyber 2015", "Wana 2008");

		Map<String, Object> nested = Map.of("and", List.of(Map.of("date", Map.of("from", "2016-01-01")), Map.of("not",
				Map.of("or", List.of(Map.of("kind", List.of("ATTACK")), Map.of("region", List.of("Sindh")))))));
		assertThat(places(nested)).containsExactly("Gwadar 2024");

		assertThat(places(Map.of("or", List.of()))).hasSize(16);
	}

	@Test
	void notSelectsExactlyWhatItsOperandDoesNot() {
		assertThat(places(Map.of("not", Map.of("killed", Map.of("min", 1))))).containsExactly("Karachi 2024",
				"Gwadar 2024", "Swat 2012");
		assertThat(places(Map.of("not", Map.of("region", List.of("Khyber Pakhtunkhwa", "Balochistan")))))
			.containsExactly("Karachi 2024", "Lahore 2016", "Amritsar 2010");
	}

	@Test
	void errorsInNestedFiltersNameTheirPath() {
		// Refusals that need no rows (a range, the depth): IncidentGraphQlTests
		assertFilterError(Map.of("not", Map.of("or", List.of(Map.of("region", List.of("Nowhere"))))), "BAD_USER_INPUT",
				"filter", "not", "or", 0, "region", 0);
	}

	// One incident
	// ----------------------------------------------------------------------------

	@Test
	void incidentWithItsEdges() {
		String id = GlobalId.of("Incident", this.data.incidents.get("Quetta 2016"));
		GraphQlTester.Response response = this.graphQl.document("""
				query($id: ID!) {
				  incident(id: $id) {
				    id date endDate datePrecision kind country region { name } regionAtEvent { name } regionNameAtEvent
				    place location { latitude longitude }
				    casualties { killed killedLow killedHigh civilians securityForces militants unknown injured }
				    perpetrators { name role suspected organization { name } }
				    sources { dataset recordId line fileChecksum matchScore ingestRun { id dataset } }
				  }
				}
				""").variable("id", id).execute();
		response.path("incident.id").entity(String.class).isEqualTo(id);
		response.path("incident.date").entity(String.class).isEqualTo("2016-08-08");
		response.path("incident.datePrecision").entity(String.class).isEqualTo("DAY");
		response.path("incident.kind").entity(String.class).isEqualTo("ATTACK");
		response.path("incident.region.name").entity(String.class).isEqualTo("Balochistan");
		response.path("incident.location.latitude").entity(Double.class).isEqualTo(30.18);
		response.path("incident.casualties.killed").entity(Integer.class).isEqualTo(70);
		response.path("incident.casualties.killedHigh").entity(Integer.class).isEqualTo(72);
		response.path("incident.casualties.securityForces").valueIsNull();
		response.path("incident.casualties.injured").entity(Integer.class).isEqualTo(112);
		response.path("incident.perpetrators[*].name")
			.entityList(String.class)
			.containsExactly("Islamic State (IS)", "Jamaat-ul-Ahrar");
		response.path("incident.perpetrators[*].role").entityList(String.class).containsExactly("CLAIMED", "CLAIMED");
		// Jamaat-ul-Ahrar was merged into the TTP: its organization is the survivor
		response.path("incident.perpetrators[*].organization.name")
			.entityList(String.class)
			.containsExactly("Islamic State Khorasan Province", "Tehrik-i-Taliban Pakistan");
		response.path("incident.sources[*].dataset").entityList(String.class).containsExactly("gtd", "ucdp-ged");
		response.path("incident.sources[*].recordId").entityList(String.class).containsExactly("gtd-7", "ucdp-7");
		response.path("incident.sources[0].line").entity(Long.class).isEqualTo(2L);
		response.path("incident.sources[0].matchScore").valueIsNull();
		response.path("incident.sources[1].matchScore").entity(Double.class).isEqualTo(0.9);
		response.path("incident.sources[0].fileChecksum")
			.entity(String.class)
			.isEqualTo(IncidentTestData.checksum("gtd"));
		response.path("incident.sources[*].ingestRun.dataset")
			.entityList(String.class)
			.containsExactly("gtd", "ucdp-ged");
		response.path("incident.sources[0].ingestRun.id")
			.entity(String.class)
			.isEqualTo(GlobalId.of("IngestRun", this.data.runs.get("gtd")));
	}

	@Test
	void incidentKeepsTheRegionAndItsNameAtEventTime() {
		String id = GlobalId.of("Incident", this.data.incidents.get("Wana 2008"));
		GraphQlTester.Response response = this.graphQl
			.document(
					"""
							query($id: ID!) {
							  node(id: $id) {
							    __typename
							    ... on Incident {
							      date endDate datePrecision region { name } regionAtEvent { name } regionNameAtEvent location { latitude }
							      perpetrators { name organization { name } } attackTypes targets
							    }
							  }
							}
							""")
			.variable("id", id)
			.execute();
		response.path("node.__typename").entity(String.class).isEqualTo("Incident");
		response.path("node.date").entity(String.class).isEqualTo("2008-06-01");
		response.path("node.endDate").entity(String.class).isEqualTo("2008-06-30");
		response.path("node.datePrecision").entity(String.class).isEqualTo("MONTH");
		response.path("node.region.name").entity(String.class).isEqualTo("Khyber Pakhtunkhwa");
		response.path("node.regionAtEvent.name").entity(String.class).isEqualTo("Federally Administered Tribal Areas");
		response.path("node.regionNameAtEvent").entity(String.class).isEqualTo("Federally Administered Tribal Areas");
		response.path("node.location").valueIsNull();
		response.path("node.attackTypes").entityList(String.class).hasSize(0);

		GraphQlTester.Response swat = this.graphQl
			.document(
					"""
							query($id: ID!) { incident(id: $id) { attackTypes targets summary perpetrators { organization { name } } } }
							""")
			.variable("id", GlobalId.of("Incident", this.data.incidents.get("Swat 2012")))
			.execute();
		swat.path("incident.attackTypes").entityList(String.class).containsExactly("Armed assault");
		swat.path("incident.targets")
			.entityList(String.class)
			.containsExactly("Educational institution", "Private citizens");

		GraphQlTester.Response unresolved = this.graphQl.document("""
				query($id: ID!) { incident(id: $id) { perpetrators { name organization { name } } } }
				""").variable("id", GlobalId.of("Incident", this.data.incidents.get("Peshawar 2005"))).execute();
		unresolved.path("incident.perpetrators[0].name").entity(String.class).isEqualTo("Local militants");
		unresolved.path("incident.perpetrators[0].organization").valueIsNull();
	}

	@Test
	void incidentByAnUnknownOrForeignId() {
		this.graphQl.document("query($id: ID!) { incident(id: $id) { id } }")
			.variable("id", GlobalId.of("Incident", 999_999_999))
			.execute()
			.path("incident")
			.valueIsNull();
		assertError("query($id: ID!) { incident(id: $id) { id } }",
				Map.of("id", GlobalId.of("Organization", this.data.organizations.get("ttp"))), "BAD_USER_INPUT", "id");
	}

	// Organization.incidents
	// ----------------------------------------------------------------------

	@Test
	void organizationIncidentsByAnAlias() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ organization(name: "Daesh") { incidents(first: 5) { totalCount edges { node { id } } } } }
				""").execute();
		response.path("organization.incidents.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("organization.incidents.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(GlobalId.of("Incident", this.data.incidents.get("Mastung 2018")),
					GlobalId.of("Incident", this.data.incidents.get("Quetta 2016")));
	}

	@Test
	void organizationIncidentsFollowMergesToTheSurvivor() {
		// Jamaat-ul-Ahrar redirects to the TTP, whose incidents include those recorded
		// for Jamaat-ul-Ahrar
		GraphQlTester.Response response = organizationIncidents(Map.of("name", "Jamaat-ul-Ahrar", "first", 20));
		response.path("organization.name").entity(String.class).isEqualTo("Tehrik-i-Taliban Pakistan");
		response.path("organization.incidents.totalCount").entity(Integer.class).isEqualTo(9);
		assertThat(response.path("organization.incidents.edges[*].node.place").entityList(String.class).get())
			.containsExactlyElementsOf(TTP_AND_MERGED);
		// The same as the perpetrator filter on its id
		String ttp = GlobalId.of("Organization", this.data.organizations.get("ttp"));
		assertThat(places(Map.of("perpetrator", List.of(ttp)))).containsExactlyElementsOf(TTP_AND_MERGED);
	}

	@Test
	void organizationIncidentsPageWithCursors() {
		List<String> places = new ArrayList<>();
		Map<String, Object> variables = new HashMap<>(Map.of("name", "TTP", "first", 4));
		for (int pages = 1;; pages++) {
			GraphQlTester.Response response = organizationIncidents(variables);
			places.addAll(response.path("organization.incidents.edges[*].node.place").entityList(String.class).get());
			response.path("organization.incidents.totalCount").entity(Integer.class).isEqualTo(9);
			response.path("organization.incidents.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(pages > 1);
			boolean hasNextPage = response.path("organization.incidents.pageInfo.hasNextPage")
				.entity(Boolean.class)
				.get();
			assertThat(hasNextPage).isEqualTo(pages < 3);
			if (!hasNextPage) {
				break;
			}
			variables.put("after",
					response.path("organization.incidents.pageInfo.endCursor").entity(String.class).get());
		}
		assertThat(places).containsExactlyElementsOf(TTP_AND_MERGED);
	}

	@Test
	void organizationIncidentsWithAFilterAndAnOrder() {
		Map<String, Object> variables = Map.of("name", "TTP", "filter", Map.of("date", Map.of("from", "2016-01-01")),
				"orderBy", List.of(order("KILLED", "DESC")), "first", 4);
		GraphQlTester.Response first = organizationIncidents(variables);
		first.path("organization.incidents.totalCount").entity(Integer.class).isEqualTo(6);
		first.path("organization.incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Lahore 2016", "Quetta 2016", "Dera Ismail Khan 2024", "Peshawar 2024");
		Map<String, Object> next = new HashMap<>(variables);
		next.put("after", first.path("organization.incidents.pageInfo.endCursor").entity(String.class).get());
		GraphQlTester.Response second = organizationIncidents(next);
		second.path("organization.incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Khyber 2024", "Bajaur 2019");
		second.path("organization.incidents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void incidentsOfAListOfOrganizations() {
		GraphQlTester.Response response = this.graphQl.document("""
				{
				  organizations(first: 10) { edges { node {
				    name
				    incidents(first: 2) { totalCount edges { node { place } } }
				    recent: incidents(first: 1, filter: {date: {from: "2020-01-01"}}) { totalCount }
				  } } }
				}
				""").execute();
		response.path("organizations.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Balochistan Liberation Army", "Islamic State Khorasan Province",
					"Tehrik-i-Taliban Pakistan");
		response.path("organizations.edges[*].node.incidents.totalCount")
			.entityList(Integer.class)
			.containsExactly(1, 2, 9);
		response.path("organizations.edges[0].node.incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Quetta 2024");
		response.path("organizations.edges[1].node.incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Mastung 2018", "Quetta 2016");
		response.path("organizations.edges[2].node.incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Khyber 2024", "Dera Ismail Khan 2024");
		response.path("organizations.edges[*].node.recent.totalCount")
			.entityList(Integer.class)
			.containsExactly(1, 0, 3);
	}

	@Test
	void organizationIncidentsRefuseBadArguments() {
		// The page cap and an inverted range: IncidentGraphQlTests
		assertError(ORGANIZATION_INCIDENTS,
				Map.of("name", "TTP", "filter", Map.of("perpetrator", List.of("Nobody at all"))), "BAD_USER_INPUT",
				"filter", "perpetrator", 0);
		String byDate = organizationIncidents(Map.of("name", "TTP", "first", 1))
			.path("organization.incidents.pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertError(ORGANIZATION_INCIDENTS,
				Map.of("name", "TTP", "after", byDate, "orderBy", List.of(order("KILLED", "DESC"))), "BAD_USER_INPUT",
				"after");
	}

	GraphQlTester.Response organizationIncidents(Map<String, Object> variables) {
		return this.graphQl.document(ORGANIZATION_INCIDENTS).variables(variables).execute();
	}

	// Statistics
	// ------------------------------------------------------------------------------

	@Test
	void statisticsByRegionAndQuarter() {
		GraphQlTester.Response response = statistics(Map.of("date", Map.of("from", "2024-01-01", "to", "2024-12-31")),
				List.of("REGION", "QUARTER"));
		response.path("incidentStatistics.totals.incidents").entity(Integer.class).isEqualTo(6);
		response.path("incidentStatistics.totals.killed").entity(Integer.class).isEqualTo(87);
		response.path("incidentStatistics.totals.injured").entity(Integer.class).isEqualTo(52);
		List<Map<String, Object>> buckets = buckets(response);
		assertThat(buckets).extracting((bucket) -> regionName(bucket) + " Q" + key(bucket).get("quarter"))
			.containsExactly("Balochistan Q1", "Khyber Pakhtunkhwa Q1", "Khyber Pakhtunkhwa Q2", "Sindh Q1");
		assertThat(buckets).extracting((bucket) -> bucket.get("incidents")).containsExactly(2, 2, 1, 1);
		assertThat(buckets).extracting((bucket) -> bucket.get("killed")).containsExactly(30, 50, 7, 0);
		assertThat(buckets).extracting((bucket) -> bucket.get("injured")).containsExactly(25, 25, null, 2);
		assertThat(share(buckets.get(1), "incidentsShare")).isCloseTo(2.0 / 6, within(1e-9));
		assertThat(share(buckets.get(1), "killedShare")).isCloseTo(50.0 / 87, within(1e-9));
		assertThat(share(buckets.get(3), "killedShare")).isZero();
		// Only the grouped key fields are set
		assertThat(key(buckets.get(0))).containsEntry("country", null)
			.containsEntry("year", null)
			.containsEntry("month", null)
			.containsEntry("kind", null)
			.containsEntry("perpetrator", null)
			.containsEntry("source", null);
	}

	@Test
	void statisticsTotalsAgreeWhetherSummedFromTheBucketsOrCounted() {
		// Grouped by single-valued dimensions the totals are the buckets' sums (one
		// statement); grouped by perpetrator they are counted apart
		Map<String, Object> filter = Map.of("date", Map.of("from", "2016-01-01", "to", "2024-06-30"), "region",
				List.of("Khyber Pakhtunkhwa", "Balochistan", "Sindh", "Punjab"), "kind",
				List.of("ATTACK", "CLASH", "STRIKE", "SECURITY_OPERATION"));
		int before = assertTotalsAgree(filter);
		assertThat(before).isGreaterThan(4);
		// Unknown casualties in some buckets, moved dates and regions, a deleted incident
		this.jdbc.update(
				"update incident set killed = null, injured = coalesce(injured, 0) + 1, "
						+ "date_start = date_start - 45, date_end = date_end - 45 where place like 'Khyber%'",
				Map.of());
		this.jdbc.update("update incident set kind = 'CLASH', region_id = null where place like 'Quetta%'", Map.of());
		for (String table : List.of("incident_perpetrator", "source_record", "incident_attack_type",
				"incident_target")) {
			this.jdbc.update("delete from " + table + " where incident_id in (select id from incident "
					+ "where place like 'Peshawar%')", Map.of());
		}
		this.jdbc.update("delete from incident where place like 'Peshawar%'", Map.of());
		this.data.incidentsChanged();
		assertThat(assertTotalsAgree(filter)).isLessThan(before);
		// Nothing matches: no buckets, unknown casualties
		GraphQlTester.Response none = statistics(Map.of("date", Map.of("from", "1900-01-01", "to", "1900-12-31")),
				List.of("REGION", "QUARTER"));
		none.path("incidentStatistics.totals.incidents").entity(Integer.class).isEqualTo(0);
		none.path("incidentStatistics.totals.killed").valueIsNull();
		assertThat(buckets(none)).isEmpty();
	}

	// The totals of both ways are equal; the incidents they count
	private int assertTotalsAgree(Map<String, Object> filter) {
		GraphQlTester.Response summed = statistics(filter, List.of("REGION", "YEAR", "QUARTER", "KIND"));
		Map<?, ?> totals = summed.path("incidentStatistics.totals").entity(Map.class).get();
		assertThat(totals).isEqualTo(
				statistics(filter, List.of("PERPETRATOR")).path("incidentStatistics.totals").entity(Map.class).get());
		List<Map<String, Object>> buckets = buckets(summed);
		assertThat(buckets.stream().mapToInt((bucket) -> (Integer) bucket.get("incidents")).sum())
			.isEqualTo(totals.get("incidents"));
		return (Integer) totals.get("incidents");
	}

	@Test
	void statisticsGiveEachRegionsShareOfFatalitiesInOneQuery() {
		List<Map<String, Object>> buckets = buckets(
				statistics(Map.of("country", List.of("PAK"), "date", Map.of("from", "2024-01-01", "to", "2024-03-31")),
						List.of("REGION")));
		assertThat(buckets).extracting(IncidentQueriesContract::regionName)
			.containsExactly("Balochistan", "Khyber Pakhtunkhwa", "Sindh");
		assertThat(buckets).extracting((bucket) -> share(bucket, "killedShare")).containsExactly(0.375, 0.625, 0.0);
		assertThat(buckets).extracting((bucket) -> share(bucket, "incidentsShare")).containsExactly(0.4, 0.4, 0.2);
	}

	@Test
	void statisticsByPerpetratorCountAnIncidentInEachOfItsActorsBuckets() {
		GraphQlTester.Response response = statistics(Map.of("date", Map.of("from", "2016-01-01", "to", "2016-12-31")),
				List.of("PERPETRATOR"));
		response.path("incidentStatistics.totals.killed").entity(Integer.class).isEqualTo(145);
		List<Map<String, Object>> buckets = buckets(response);
		// Jamaat-ul-Ahrar was merged into the TTP: its incidents are in the survivor's
		// bucket
		assertThat(buckets).extracting((bucket) -> perpetratorName(bucket))
			.containsExactly("Islamic State Khorasan Province", "Tehrik-i-Taliban Pakistan");
		assertThat(buckets).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 2);
		assertThat(buckets).extracting((bucket) -> share(bucket, "killedShare")).containsExactly(70.0 / 145, 1.0);

		List<Map<String, Object>> unresolved = buckets(statistics(
				Map.of("or", List.of(Map.of("date", Map.of("to", "2005-12-31")), Map.of("kind", List.of("STRIKE")))),
				List.of("PERPETRATOR")));
		assertThat(unresolved).extracting((bucket) -> perpetratorName(bucket)).containsExactly("Local militants", null);
		assertThat(unresolved).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 1);
	}

	@Test
	void statisticsBySourceAndYear() {
		List<Map<String, Object>> buckets = buckets(statistics(
				Map.of("date", Map.of("from", "2016-01-01", "to", "2016-12-31")), List.of("SOURCE", "YEAR")));
		assertThat(buckets).extracting((bucket) -> key(bucket).get("source") + " " + key(bucket).get("year"))
			.containsExactly("gtd 2016", "ucdp-ged 2016");
		assertThat(buckets).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 2);
		assertThat(buckets).extracting((bucket) -> bucket.get("killed")).containsExactly(70, 145);
	}

	@Test
	void statisticsBySourceAddUpEachSourcesOwnFigures() {
		// The canonical incident took killed from UCDP and injured from GTD; ACLED has no
		// injured
		this.data.incident("Miranshah 2019")
			.on("2019-05-01")
			.casualties(10, 4)
			.source("ucdp", "ucdp-90", 10, null)
			.source("gtd", "gtd-90", 14, 4)
			.source("gtd", "gtd-91", 13, 2)
			.save();
		this.data.incident("Bannu 2019").on("2019-06-01").casualties(3, null).source("ucdp", "ucdp-91", 3, null).save();

		// Bajaur 2019 (July) left out
		GraphQlTester.Response response = statistics(Map.of("date", Map.of("from", "2019-05-01", "to", "2019-06-30")),
				List.of("SOURCE"));

		List<Map<String, Object>> buckets = buckets(response);
		assertThat(buckets).extracting((bucket) -> key(bucket).get("source")).containsExactly("gtd", "ucdp-ged");
		assertThat(buckets).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 2);
		// gtd: the larger of its two records' values; ucdp-ged: no injured column, so
		// null
		assertThat(buckets).extracting((bucket) -> bucket.get("killed")).containsExactly(14, 13);
		assertThat(buckets).extracting((bucket) -> bucket.get("injured")).containsExactly(4, null);
		// The totals stay the canonical incidents'
		response.path("incidentStatistics.totals.killed").entity(Integer.class).isEqualTo(13);
		response.path("incidentStatistics.totals.injured").entity(Integer.class).isEqualTo(4);

		// Each record says what it said
		GraphQlTester.Response sources = this.graphQl
			.document(
					"""
							{
							  incidents(filter: {date: {from: "2019-05-01", to: "2019-05-01"}}) {
							    edges { node { casualties { killed injured } sources { recordId reported { date killed injured } raw } } }
							  }
							}
							""")
			.execute();
		sources.path("incidents.edges[0].node.sources[*].recordId")
			.entityList(String.class)
			.containsExactly("gtd-90", "gtd-91", "ucdp-90");
		sources.path("incidents.edges[0].node.sources[*].reported.killed")
			.entityList(Integer.class)
			.containsExactly(14, 13, 10);
		sources.path("incidents.edges[0].node.sources[2].reported.injured").valueIsNull();
		sources.path("incidents.edges[0].node.sources[0].reported.date").entity(String.class).isEqualTo("2019-05-01");
		sources.path("incidents.edges[0].node.sources[0].raw").entity(String.class).isEqualTo("raw");
	}

	@Test
	void eachGroupOfAnIncidentsFieldsNamesTheRecordThatGaveIt() {
		this.data.incident("Miranshah 2019")
			.on("2019-05-01")
			.casualties(10, 4)
			.source("ucdp", "ucdp-90", 10, null)
			.source("gtd", "gtd-90", 14, 4)
			.save();
		this.data.incident("Bannu 2019").on("2019-06-01").casualties(3, null).source("ucdp", "ucdp-91", 3, null).save();
		// What deduplication writes for a cluster: killed from UCDP, date and injured
		// from
		// GTD; the place from a record that has since moved to another incident
		this.jdbc.update(
				"update incident set killed_record_id = " + recordRow("ucdp-90") + ", injured_record_id = "
						+ recordRow("gtd-90") + ", date_record_id = " + recordRow("gtd-90") + ", place_record_id = "
						+ recordRow("ucdp-91")
						+ " where id = (select incident_id from source_record where source_record_id = " + "'ucdp-90')",
				Map.of());

		String fields = "dateFrom { recordId } placeFrom { recordId } casualties { killed injured "
				+ "killedFrom { dataset recordId reported { killed } } injuredFrom { recordId reported { injured } } } "
				+ "sources { recordId }";
		GraphQlTester.Response merged = incidentOn("2019-05-01", fields);
		merged.path("incidents.edges[0].node.casualties.killedFrom.recordId").entity(String.class).isEqualTo("ucdp-90");
		merged.path("incidents.edges[0].node.casualties.killedFrom.reported.killed")
			.entity(Integer.class)
			.isEqualTo(10);
		merged.path("incidents.edges[0].node.casualties.injuredFrom.recordId").entity(String.class).isEqualTo("gtd-90");
		merged.path("incidents.edges[0].node.casualties.injuredFrom.reported.injured")
			.entity(Integer.class)
			.isEqualTo(4);
		merged.path("incidents.edges[0].node.dateFrom.recordId").entity(String.class).isEqualTo("gtd-90");
		// Named, but no longer one of its records: not known
		merged.path("incidents.edges[0].node.placeFrom").valueIsNull();
		merged.path("incidents.edges[0].node.sources[*].recordId")
			.entityList(String.class)
			.containsExactly("gtd-90", "ucdp-90");

		// One record gave everything it states; nothing gave an injured figure
		GraphQlTester.Response single = incidentOn("2019-06-01", fields);
		single.path("incidents.edges[0].node.dateFrom.recordId").entity(String.class).isEqualTo("ucdp-91");
		single.path("incidents.edges[0].node.placeFrom.recordId").entity(String.class).isEqualTo("ucdp-91");
		single.path("incidents.edges[0].node.casualties.killedFrom.recordId").entity(String.class).isEqualTo("ucdp-91");
		single.path("incidents.edges[0].node.casualties.injuredFrom").valueIsNull();
	}

	private static String recordRow(String recordId) {
		return "(select id from source_record where source_record_id = '" + recordId + "')";
	}

	private GraphQlTester.Response incidentOn(String day, String fields) {
		GraphQlTester.Response response = this.graphQl
			.document("query($day: Date!) { incidents(filter: {date: {from: $day, to: $day}}) { edges { node { "
					+ fields + " } } } }")
			.variable("day", day)
			.execute();
		response.path("incidents.edges").entityList(Object.class).hasSize(1);
		return response;
	}

	@Test
	void aGovernmentIsAPerpetratorOnlyOfOneSidedViolence() {
		this.data.organizationOfKind("GOVERNMENT", "gop", "Government of Pakistan", "GoP", null);
		this.data.incident("Clash 2019")
			.on("2019-03-01")
			.kind("CLASH")
			.casualties(6, null)
			.perpetrator("gop", "Government of Pakistan", "SIDE_A", false)
			.perpetrator("ttp", "TTP", "SIDE_B", false)
			.save();
		this.data.incident("Crackdown 2019")
			.on("2019-04-01")
			.casualties(2, null)
			.perpetrator("gop", "Government of Pakistan", "PERPETRATOR", false)
			.save();
		this.data.incident("Tribal clash 2019")
			.on("2019-05-01")
			.kind("CLASH")
			.casualties(1, null)
			.perpetrator(null, "Lashkar of Zakakhel tribe", "SIDE_A", false)
			.perpetrator("ttp", "TTP", "SIDE_B", false)
			.save();
		Map<String, Object> year = Map.of("date", Map.of("from", "2019-03-01", "to", "2019-05-31"));

		List<Map<String, Object>> perpetrators = buckets(statistics(year, List.of("PERPETRATOR")));
		assertThat(perpetrators).extracting(IncidentQueriesContract::perpetratorName)
			.containsExactly("Government of Pakistan", "Lashkar of Zakakhel tribe", "Tehrik-i-Taliban Pakistan");
		assertThat(perpetrators).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 1, 2);
		List<Map<String, Object>> actors = buckets(statistics(year, List.of("ACTOR")));
		assertThat(actors).extracting(IncidentQueriesContract::actorName)
			.containsExactly("Government of Pakistan", "Lashkar of Zakakhel tribe", "Tehrik-i-Taliban Pakistan");
		assertThat(actors).extracting((bucket) -> bucket.get("incidents")).containsExactly(2, 1, 2);

		assertThat(places(Map.of("and", List.of(year, Map.of("perpetrator", List.of("Government of Pakistan"))))))
			.containsExactly("Crackdown 2019");
		assertThat(places(Map.of("and", List.of(year, Map.of("actor", List.of("Government of Pakistan"))))))
			.containsExactlyInAnyOrder("Clash 2019", "Crackdown 2019");
	}

	@Test
	void aMovementFindsTheIncidentsOfItsFactionsUnlessToldNotTo() {
		this.data.organization("ttp-km", "TTP - KM", "TTP-KM", null);
		this.jdbc.update("update organization set parent_id = (select id from organization where ref_key = 'ttp') "
				+ "where ref_key = 'ttp-km'", Map.of());
		this.data.organizationsChanged();
		this.data.incident("Faction 2021").on("2021-02-01").casualties(2, null).perpetrator("ttp-km", "TTP-KM").save();
		this.data.incident("Both 2021")
			.on("2021-03-01")
			.casualties(1, null)
			.perpetrator("ttp-km", "TTP-KM")
			.perpetrator("ttp", "TTP")
			.save();
		Map<String, Object> year = Map.of("date", Map.of("from", "2021-01-01", "to", "2021-12-31"));

		assertThat(places(Map.of("and", List.of(year, Map.of("perpetrator", List.of("TTP"))))))
			.containsExactlyInAnyOrder("Faction 2021", "Both 2021");
		assertThat(
				places(Map.of("and", List.of(year, Map.of("perpetrator", List.of("TTP"), "includeFactions", false)))))
			.containsExactly("Both 2021");
		// Counted once, though it names the movement and its faction
		statistics(Map.of("and", List.of(year, Map.of("perpetrator", List.of("TTP")))), List.of())
			.path("incidentStatistics.totals.incidents")
			.entity(Integer.class)
			.isEqualTo(2);
		// A faction does not stand for its movement
		assertThat(places(Map.of("and", List.of(year, Map.of("perpetrator", List.of("TTP-KM"))))))
			.containsExactlyInAnyOrder("Faction 2021", "Both 2021");
		// Grouped by perpetrator, the faction's incidents fall in the movement's bucket,
		// each once; told not to include factions, each organization has its own
		List<Map<String, Object>> rolledUp = buckets(statistics(year, List.of("PERPETRATOR")));
		assertThat(rolledUp).extracting((bucket) -> perpetratorName(bucket) + " " + bucket.get("incidents"))
			.containsExactly("Tehrik-i-Taliban Pakistan 2");
		List<Map<String, Object>> apart = buckets(
				statistics(Map.of("and", List.of(year), "includeFactions", false), List.of("PERPETRATOR")));
		assertThat(apart).extracting((bucket) -> perpetratorName(bucket) + " " + bucket.get("incidents"))
			.containsExactlyInAnyOrder("TTP - KM 2", "Tehrik-i-Taliban Pakistan 1");

		// The same from the organization, as a dialogue's threats ask it
		GraphQlTester.Response organization = this.graphQl.document("""
				query($filter: IncidentFilter) {
				  organization(name: "TTP") {
				    all: incidentStatistics(filter: $filter, groupBy: [YEAR]) { totals { incidents killed } }
				    own: incidentStatistics(filter: $filter, includeFactions: false) { totals { incidents killed } }
				  }
				}
				""").variable("filter", year).execute();
		organization.path("organization.all.totals.incidents").entity(Integer.class).isEqualTo(2);
		organization.path("organization.all.totals.killed").entity(Integer.class).isEqualTo(3);
		organization.path("organization.own.totals.incidents").entity(Integer.class).isEqualTo(1);
		organization.path("organization.own.totals.killed").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void aFactionCountsForItsMovementOnlyWhileItBelongsToIt() {
		// As Jamaat-ul-Ahrar: apart from the TTP until it rejoined on 2020-08-17
		this.data.organization("ahrar", "Test Ahrar Front", "TAF", null);
		this.jdbc.update(
				"update organization set parent_id = (select id from organization where ref_key = 'ttp'), "
						+ "parent_valid_from = :from where ref_key = 'ahrar'",
				Map.of("from", LocalDate.parse("2020-08-17")));
		this.data.organizationsChanged();
		this.data.incident("Ahrar apart").on("2019-06-01").casualties(5, null).perpetrator("ahrar", "TAF").save();
		this.data.incident("Ahrar rejoined").on("2020-08-17").casualties(2, null).perpetrator("ahrar", "TAF").save();
		Map<String, Object> period = Map.of("date", Map.of("from", "2019-01-01", "to", "2020-12-31"));

		assertThat(places(Map.of("and", List.of(period, Map.of("perpetrator", List.of("TTP"))))))
			.contains("Ahrar rejoined")
			.doesNotContain("Ahrar apart");
		assertThat(places(Map.of("and", List.of(period, Map.of("actor", List.of("TTP")))))).contains("Ahrar rejoined")
			.doesNotContain("Ahrar apart");
		// Grouped by perpetrator, the faction is its movement only from the day it
		// rejoined
		List<Map<String, Object>> byPerpetrator = buckets(statistics(period, List.of("PERPETRATOR", "YEAR")));
		assertThat(byPerpetrator)
			.extracting(
					(bucket) -> perpetratorName(bucket) + " " + key(bucket).get("year") + " " + bucket.get("incidents"))
			.contains("Test Ahrar Front 2019 1", "Tehrik-i-Taliban Pakistan 2020 1")
			.doesNotContain("Test Ahrar Front 2020 1");
		// The faction itself counts on every day
		assertThat(places(Map.of("and", List.of(period, Map.of("perpetrator", List.of("Test Ahrar Front"))))))
			.containsExactlyInAnyOrder("Ahrar apart", "Ahrar rejoined");
		GraphQlTester.Response organization = this.graphQl
			.document(
					"""
							query($filter: IncidentFilter) {
							  movement: organization(name: "TTP") { incidentStatistics(filter: $filter) { totals { incidents } } }
							  faction: organization(name: "TAF") { incidentStatistics(filter: $filter) { totals { incidents killed } } }
							}
							""")
			.variable("filter", Map.of("perpetrator", List.of("TAF")))
			.execute();
		organization.path("movement.incidentStatistics.totals.incidents").entity(Integer.class).isEqualTo(1);
		organization.path("faction.incidentStatistics.totals.incidents").entity(Integer.class).isEqualTo(2);
		organization.path("faction.incidentStatistics.totals.killed").entity(Integer.class).isEqualTo(7);
	}

	@Test
	void statisticsByRegionAtEventKeepFataApartFromTodaysProvince() {
		Map<String, Object> filter = Map.of("date", Map.of("from", "2008-01-01", "to", "2009-12-31"));

		List<Map<String, Object>> atEvent = buckets(statistics(filter, List.of("REGION_AT_EVENT")));
		List<Map<String, Object>> today = buckets(statistics(filter, List.of("REGION")));

		assertThat(atEvent).extracting(IncidentQueriesContract::regionAtEventName)
			.containsExactly("Federally Administered Tribal Areas", "Khyber Pakhtunkhwa");
		assertThat(atEvent).extracting((bucket) -> bucket.get("incidents")).containsExactly(1, 1);
		assertThat(today).extracting(IncidentQueriesContract::regionName).containsExactly("Khyber Pakhtunkhwa");
		assertThat(today).extracting((bucket) -> bucket.get("incidents")).containsExactly(2);
	}

	@Test
	void statisticsByCountryKindAndMonth() {
		List<Map<String, Object>> byKind = buckets(statistics(null, List.of("COUNTRY", "KIND")));
		assertThat(byKind).extracting(
				(bucket) -> key(bucket).get("country") + " " + key(bucket).get("kind") + " " + bucket.get("incidents"))
			.containsExactly("IND ATTACK 1", "PAK ATTACK 12", "PAK SECURITY_OPERATION 1", "PAK CLASH 1",
					"PAK STRIKE 1");

		List<Map<String, Object>> byMonth = buckets(
				statistics(Map.of("date", Map.of("from", "2024-01-01")), List.of("YEAR", "MONTH")));
		assertThat(byMonth).extracting(
				(bucket) -> key(bucket).get("year") + "-" + key(bucket).get("month") + " " + bucket.get("incidents"))
			.containsExactly("2024-1 1", "2024-2 1", "2024-3 3", "2024-4 1");

		List<Map<String, Object>> all = buckets(statistics(Map.of("country", List.of("IND")), List.of()));
		assertThat(all).extracting((bucket) -> bucket.get("incidents")).containsExactly(1);
		assertThat(buckets(statistics(Map.of("source", List.of("nowhere")), List.of("REGION")))).isEmpty();
	}

	// Helpers
	// -----------------------------------------------------------------------------------

	static Map<String, Object> order(String field, String direction) {
		return Map.of("field", field, "direction", direction);
	}

	List<String> places(Map<String, Object> filter) {
		return page(Map.of("filter", filter, "first", 100)).places();
	}

	Page page(Map<String, Object> variables) {
		GraphQlTester.Response response = this.graphQl.document(PLACES).variables(variables).execute();
		List<String> places = response.path("incidents.edges[*].node.place").entityList(String.class).get();
		List<String> cursors = response.path("incidents.edges[*].cursor").entityList(String.class).get();
		@SuppressWarnings("unchecked")
		Map<String, Object> pageInfo = response.path("incidents.pageInfo").entity(Map.class).get();
		int totalCount = response.path("incidents.totalCount").entity(Integer.class).get();
		return new Page(places, cursors, (boolean) pageInfo.get("hasNextPage"),
				(boolean) pageInfo.get("hasPreviousPage"), (String) pageInfo.get("startCursor"),
				(String) pageInfo.get("endCursor"), totalCount);
	}

	List<String> allPagesForward(List<Object> orderBy, int size) {
		List<String> places = new ArrayList<>();
		Page page = page(Map.of("first", size, "orderBy", orderBy));
		places.addAll(page.places());
		while (page.hasNextPage()) {
			page = page(Map.of("first", size, "orderBy", orderBy, "after", page.endCursor()));
			places.addAll(page.places());
		}
		return places;
	}

	List<String> allPagesBackward(List<Object> orderBy, int size) {
		List<String> places = new ArrayList<>();
		Page page = page(Map.of("last", size, "orderBy", orderBy));
		places.addAll(0, page.places());
		while (page.hasPreviousPage()) {
			page = page(Map.of("last", size, "orderBy", orderBy, "before", page.startCursor()));
			places.addAll(0, page.places());
		}
		return places;
	}

	GraphQlTester.Response statistics(Map<String, Object> filter, List<String> groupBy) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("filter", filter);
		variables.put("groupBy", groupBy);
		return this.graphQl.document(STATISTICS).variables(variables).execute();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> buckets(GraphQlTester.Response response) {
		return (List<Map<String, Object>>) (List<?>) response.path("incidentStatistics.buckets")
			.entityList(Map.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> key(Map<String, Object> bucket) {
		return (Map<String, Object>) bucket.get("key");
	}

	@SuppressWarnings("unchecked")
	static String regionName(Map<String, Object> bucket) {
		Map<String, Object> region = (Map<String, Object>) key(bucket).get("region");
		return (region != null) ? (String) region.get("name") : null;
	}

	@SuppressWarnings("unchecked")
	static String perpetratorName(Map<String, Object> bucket) {
		Map<String, Object> perpetrator = (Map<String, Object>) key(bucket).get("perpetrator");
		return (perpetrator != null) ? (String) perpetrator.get("name") : null;
	}

	@SuppressWarnings("unchecked")
	static String actorName(Map<String, Object> bucket) {
		Map<String, Object> actor = (Map<String, Object>) key(bucket).get("actor");
		return (actor != null) ? (String) actor.get("name") : null;
	}

	@SuppressWarnings("unchecked")
	static String regionAtEventName(Map<String, Object> bucket) {
		Map<String, Object> region = (Map<String, Object>) key(bucket).get("regionAtEvent");
		return (region != null) ? (String) region.get("name") : null;
	}

	static Double share(Map<String, Object> bucket, String field) {
		Object value = bucket.get(field);
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

	ResponseError assertFilterError(Map<String, Object> filter, String code, Object... argumentPath) {
		return assertError(PLACES, Map.of("filter", filter), code, argumentPath);
	}

	ResponseError assertError(String document, Map<String, Object> variables, String code, Object... argumentPath) {
		AtomicReference<ResponseError> error = new AtomicReference<>();
		this.graphQl.document(document).variables(variables).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			error.set(errors.get(0));
		});
		assertThat(error.get().getExtensions()).containsEntry("code", code)
			.containsEntry("argumentPath", List.of(argumentPath));
		return error.get();
	}

	record Page(List<String> places, List<String> cursors, boolean hasNextPage, boolean hasPreviousPage,
			String startCursor, String endCursor, int totalCount) {
	}

}
