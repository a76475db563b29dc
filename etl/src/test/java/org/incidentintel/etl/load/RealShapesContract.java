package org.incidentintel.etl.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of real shapes ({@code src/test/resources/real-shapes/}): one small fixture
 * for each variant a source is known to be published in, loaded with the format its
 * header makes the ingest detect, as a new user would. Each variant's
 * {@code expected.yaml} states what the load must give: rows read, inserted, rejected by
 * reason, warnings by code, the killed and injured totals and a checksum of the loaded
 * figures. Subclasses pick the database: the figures must not depend on it.
 */
abstract class RealShapesContract {

	static final String CORPUS = "real-shapes";

	/** The variants issue 15 asks the corpus to cover. */
	static final Set<String> REQUIRED_VARIANTS = Set.of("ucdp-download", "ucdp-hdx", "ucdp-explorer", "ucdp-api-page",
			"gtd-codebook-csv", "gtd-xlsx", "gtd-web-xlsx", "acled-pre-2023", "acled-current", "acled-cr-only",
			"gtd-cp1252");

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceData;

	@BeforeEach
	void emptyDatabaseWithReferenceData() {
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "rejected_record")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
		this.referenceData.load(new ReferenceDataReader().readClasspath());
	}

	@Test
	void everyVariantHasItsFixtureAndItsExpectations() throws IOException {
		Set<String> variants = new TreeSet<>();
		try (Stream<Path> listing = Files.list(directory())) {
			listing.filter(Files::isDirectory).forEach((dir) -> variants.add(dir.getFileName().toString()));
		}
		assertThat(variants).containsAll(REQUIRED_VARIANTS);
		for (String variant : variants) {
			Expected expected = expected(variant);
			Set<String> files = new TreeSet<>();
			try (Stream<Path> listing = Files.list(directory().resolve(variant))) {
				listing.forEach((file) -> files.add(file.getFileName().toString()));
			}
			assertThat(files).as(variant).containsExactlyInAnyOrder("expected.yaml", expected.file());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void eachVariantLoadsAsItsExpectationsSay(String variant) throws Exception {
		Expected expected = expected(variant);
		Path file = directory().resolve(variant).resolve(expected.file());
		IngestSource source = IngestSource.resolve(SourceFile.of(file), null, null, null);
		assertThat(source.format().name()).as("detected format").isEqualTo(expected.format());

		IngestOutcome outcome = this.ingest.ingest(new IngestRequest(source, null));

		assertThat(outcome.completed()).as("completed: %s", outcome.message()).isTrue();
		assertThat(outcome.dataset()).isEqualTo(expected.dataset());
		assertThat(outcome.read()).as("read").isEqualTo(expected.read());
		assertThat(outcome.inserted()).as("inserted").isEqualTo(expected.inserted());
		assertThat(outcome.details().get("rejectsByReason")).as("rejected by reason")
			.isEqualTo(orEmpty(expected.rejected()));
		assertThat(outcome.rejected()).as("rejected")
			.isEqualTo(orEmpty(expected.rejected()).values().stream().mapToLong(Long::longValue).sum());
		assertThat(outcome.details().get("warningsByCode")).as("warnings by code")
			.isEqualTo(orEmpty(expected.warnings()));
		assertThat(total("killed", outcome)).as("killed").isEqualTo(expected.killed());
		assertThat(total("injured", outcome)).as("injured").isEqualTo(expected.injured());
		if (expected.places() != null) {
			assertThat(this.jdbc
				.queryForList("select distinct place from source_record where ingest_run_id = ? and place is not null "
						+ "order by place", String.class, outcome.runId()))
				.as("places")
				.containsExactlyElementsOf(expected.places());
		}
		assertThat(checksum(outcome)).as("checksum of the loaded figures:%n%s", figures(outcome))
			.isEqualTo(expected.checksum());
	}

	static Stream<String> variants() throws IOException {
		try (Stream<Path> listing = Files.list(directory())) {
			return listing.filter(Files::isDirectory)
				.map((dir) -> dir.getFileName().toString())
				.sorted()
				.toList()
				.stream();
		}
	}

	private long total(String column, IngestOutcome outcome) {
		Long total = this.jdbc.queryForObject("select sum(" + column + ") from source_record where ingest_run_id = ?",
				Long.class, outcome.runId());
		return (total != null) ? total : 0;
	}

	/**
	 * One line per loaded record, in record id order: id, country, dates and precision,
	 * kind, place and every casualty figure ({@code -} for unknown). Formatted here, not
	 * by the database, so that H2 and PostgreSQL give the same text.
	 */
	private String figures(IngestOutcome outcome) {
		return String.join("\n", this.jdbc
			.query("select source_record_id, country, date_start, date_end, date_precision, kind, place, killed, "
					+ "killed_low, killed_high, killed_civilians, killed_security_forces, killed_militants, "
					+ "killed_unknown, injured from source_record where ingest_run_id = ? order by source_record_id",
					(row, number) -> {
						StringBuilder line = new StringBuilder();
						for (int column = 1; column <= 15; column++) {
							Object value = (column == 3 || column == 4) ? row.getDate(column).toLocalDate()
									: row.getObject(column);
							line.append((column > 1) ? "|" : "").append((value != null) ? value : "-");
						}
						return line.toString();
					}, outcome.runId()));
	}

	private String checksum(IngestOutcome outcome) throws NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(figures(outcome).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
		return (map != null) ? map : Map.of();
	}

	static Expected expected(String variant) {
		return YAMLMapper.builder()
			.build()
			.readValue(directory().resolve(variant).resolve("expected.yaml").toFile(), Expected.class);
	}

	static Path directory() {
		try {
			return Path.of(RealShapesContract.class.getClassLoader().getResource(CORPUS).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A variant's {@code expected.yaml}.
	 *
	 * @param file the fixture
	 * @param shape what makes the variant what it is, and where its shape comes from
	 * @param format the format the header must be detected as
	 * @param dataset the dataset its records belong to
	 * @param read rows read (an HXL tag row is no row)
	 * @param inserted records inserted
	 * @param rejected rejects by reason code
	 * @param warnings warnings by code
	 * @param killed the sum of {@code killed} over the loaded records
	 * @param injured the sum of {@code injured}
	 * @param places the distinct places loaded, when the variant is about text (an
	 * encoding)
	 * @param checksum SHA-256 of the loaded figures, one line per record
	 */
	record Expected(String file, String shape, String format, String dataset, long read, long inserted,
			Map<String, Long> rejected, Map<String, Long> warnings, long killed, long injured, List<String> places,
			String checksum) {

	}

}
