package org.incidentintel.etl.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.CasualtyParser;
import org.incidentintel.domain.incident.DateParseException;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;

/**
 * The UCDP Georeferenced Event Dataset, in every layout it is published in: the official
 * CSV download, the HDX country extract (its {@code #hxl} row is skipped by the reader,
 * and it adds an {@code iso3} column), the UCDP explorer export ({@code best_est},
 * {@code low_est}, {@code high_est}; {@code True}/{@code False}) and the pages of the
 * UCDP API (the same field names as the official CSV). Columns are found by name, never
 * by position.
 *
 * <p>
 * Mapping:
 * <ul>
 * <li>id: {@code id}; date: {@code date_start}, {@code date_end}, {@code date_prec} via
 * {@link DateParser#ucdp}.</li>
 * <li>kind: a side_a of {@code Government of United States of America} outside the USA is
 * a {@link IncidentKind#STRIKE} (the drone campaign); otherwise {@code type_of_violence}
 * 1 (state-based) and 2 (non-state) are a {@link IncidentKind#CLASH}, 3 (one-sided) is an
 * {@link IncidentKind#ATTACK}, except one-sided violence by a government
 * ({@code Government of ...}), which is {@link IncidentKind#OTHER}: it is neither an
 * attack by a non-state actor nor a security operation.</li>
 * <li>actors: one-sided, side_a as {@link PerpetratorRole#PERPETRATOR} (side_b is
 * {@code Civilians}, kept as the target); otherwise side_a as
 * {@link PerpetratorRole#SIDE_A} and side_b as {@link PerpetratorRole#SIDE_B}.</li>
 * <li>casualties: killed, low and high from {@code best}, {@code low}, {@code high} (or
 * their {@code _est} forms); civilians from {@code deaths_civilians}, unknown from
 * {@code deaths_unknown}. Only for state-based violence with a government as side_a is
 * the side breakdown known: {@code deaths_a} are security forces and {@code deaths_b}
 * militants, unless side_b is a government too (interstate: both are security forces).
 * For other events the sides' deaths are not attributed (security forces and militants
 * stay null), since a non-state side may be a communal group rather than militants.
 * {@code -1} means unknown; any other negative count rejects the row. An inconsistent
 * estimate (low above high, or best outside low..high; about 3% of the real file) keeps
 * best, drops low and high and warns {@code RANGE_DROPPED}.</li>
 * <li>where: country from {@code iso3} when the column is there, else {@code country} (a
 * name, UCDP's historical names included), else the Gleditsch-Ward {@code country_id};
 * region {@code adm_1} verbatim, district {@code adm_2}, place {@code where_coordinates}
 * (else {@code where_description}), location {@code latitude}/{@code longitude}.</li>
 * <li>a row cut off by the exporter, its trailing cells present but blank
 * ({@code date_start} and {@code date_prec} among them), is a {@code TRUNCATED_ROW}.</li>
 * <li>summary: {@code source_headline}, else {@code where_description}; the long
 * {@code source_article} and {@code source_original} are left in the raw record.</li>
 * </ul>
 */
public class UcdpGedFormat implements SourceFormat {

	/** The format's and the dataset's name. */
	public static final String NAME = "ucdp-ged";

	/**
	 * The UCDP Candidate Events Dataset: GED's fields, released monthly and provisional,
	 * so a dataset of its own (a GED release supersedes it for the period it covers).
	 */
	public static final String CANDIDATE_NAME = "ucdp-candidate";

	static final String US_GOVERNMENT = "Government of United States of America";

	private static final String GOVERNMENT_PREFIX = "Government of";

	private final Countries countries;

	private final String name;

	/** A format with the standard country table. */
	public UcdpGedFormat() {
		this(Countries.standard());
	}

	/**
	 * A format with the given country table.
	 * @param countries the country table
	 */
	public UcdpGedFormat(Countries countries) {
		this(countries, NAME);
	}

	private UcdpGedFormat(Countries countries, String name) {
		this.countries = countries;
		this.name = name;
	}

	/**
	 * The candidate events, read as GED is but loaded as the dataset
	 * {@value #CANDIDATE_NAME}. Chosen by name only: its files look exactly like GED's.
	 * @return the format
	 */
	public static UcdpGedFormat candidate() {
		return new UcdpGedFormat(Countries.standard(), CANDIDATE_NAME);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String dataset() {
		return this.name;
	}

	@Override
	public boolean recognizes(List<String> header) {
		return NAME.equals(this.name) && Cells.hasAll(header, "type_of_violence", "side_a")
				&& (Cells.hasAll(header, "best") || Cells.hasAll(header, "best_est"));
	}

	// Without any of these every row would be rejected: say so once, before the run.
	@Override
	public void checkHeader(List<String> header) {
		Cells.requireColumns(name(), header, "type_of_violence", "side_a", "best|best_est", "id", "date_start",
				"date_prec");
	}

	@Override
	public NormalizedRecord read(SourceRow row) throws RowRejectedException {
		Cells.requireComplete(row);
		Cells.requireNotCutOff(row, "id", "type_of_violence", "date_start", "date_prec");
		String id = Cells.recordId(row, "id");
		DateSpan date = date(row);
		int type = typeOfViolence(row);
		String sideA = Cells.text(row, "side_a");
		String sideB = Cells.text(row, "side_b");
		String country = country(row);
		List<RecordWarning> warnings = new ArrayList<>();
		Casualties casualties = casualties(row, type, sideA, sideB, warnings);
		GeoPoint location = Cells.location(row, "latitude", "longitude");
		String place = Cells.text(row, "where_coordinates");
		String description = Cells.text(row, "where_description");
		String headline = Cells.text(row, "source_headline");
		return new NormalizedRecord(id, date, kind(type, sideA, country), country, Cells.text(row, "adm_1"),
				Cells.text(row, "adm_2"), (place != null) ? place : description, location, casualties,
				actors(type, sideA, sideB), List.of(), (type == 3 && sideB != null) ? List.of(sideB) : List.of(),
				(headline != null) ? headline : description, warnings);
	}

	private static DateSpan date(SourceRow row) throws RowRejectedException {
		String start = Cells.text(row, "date_start");
		String end = Cells.text(row, "date_end");
		if (start == null) {
			throw new RowRejectedException(RejectReason.BAD_DATE, "date_start", "no date given");
		}
		Integer precision = Cells.integer(row, "date_prec", RejectReason.BAD_DATE);
		if (precision == null) {
			throw new RowRejectedException(RejectReason.BAD_DATE, "date_prec", "no date precision given");
		}
		try {
			return DateParser.ucdp(start, end, precision);
		}
		catch (DateParseException ex) {
			throw blame(start, end, precision, ex);
		}
	}

	// DateParser.ucdp reads three cells at once: find the one at fault
	private static RowRejectedException blame(String start, String end, int precision, DateParseException ex) {
		for (String[] cell : List.of(new String[] { "date_start", start }, new String[] { "date_end", end })) {
			if (cell[1] != null) {
				try {
					DateParser.ucdp(cell[1], cell[1], 1);
				}
				catch (DateParseException cellEx) {
					return Cells.dateRejected(cell[0], cell[1], cellEx);
				}
			}
		}
		if (precision < 1 || precision > 5) {
			return new RowRejectedException(RejectReason.BAD_DATE, "date_prec",
					"\"" + precision + "\" is not a date precision (1-5)", ex);
		}
		return new RowRejectedException(RejectReason.BAD_DATE, "date_end",
				"\"" + end + "\" is before date_start \"" + start + "\"", ex);
	}

	private static int typeOfViolence(SourceRow row) throws RowRejectedException {
		Integer type = Cells.integer(row, "type_of_violence", RejectReason.BAD_CODE);
		if (type == null) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, "type_of_violence", "no type of violence");
		}
		if (type < 1 || type > 3) {
			throw new RowRejectedException(RejectReason.BAD_CODE, "type_of_violence",
					"\"" + type + "\" is not 1 (state-based), 2 (non-state) or 3 (one-sided)");
		}
		return type;
	}

	private String country(SourceRow row) throws RowRejectedException {
		String iso3 = Cells.text(row, "iso3");
		if (iso3 != null) {
			return this.countries.iso3(iso3, "iso3");
		}
		String name = Cells.text(row, "country");
		if (name != null) {
			var found = this.countries.find(name);
			if (found.isPresent()) {
				return found.get();
			}
		}
		var byNumber = this.countries.findGleditschWard(Cells.text(row, "country_id"));
		if (byNumber.isPresent()) {
			return byNumber.get();
		}
		return this.countries.iso3(name, "country");
	}

	static IncidentKind kind(int typeOfViolence, String sideA, String country) {
		if (US_GOVERNMENT.equals(sideA) && !"USA".equals(country)) {
			return IncidentKind.STRIKE;
		}
		if (typeOfViolence == 3) {
			return isGovernment(sideA) ? IncidentKind.OTHER : IncidentKind.ATTACK;
		}
		return IncidentKind.CLASH;
	}

	private static List<ReportedActor> actors(int type, String sideA, String sideB) {
		List<ReportedActor> actors = new ArrayList<>();
		if (type == 3) {
			if (sideA != null) {
				actors.add(new ReportedActor(sideA, PerpetratorRole.PERPETRATOR));
			}
			return actors;
		}
		if (sideA != null) {
			actors.add(new ReportedActor(sideA, PerpetratorRole.SIDE_A));
		}
		if (sideB != null) {
			actors.add(new ReportedActor(sideB, PerpetratorRole.SIDE_B));
		}
		return actors;
	}

	private static Casualties casualties(SourceRow row, int type, String sideA, String sideB,
			List<RecordWarning> warnings) throws RowRejectedException {
		Integer best = count(row, Cells.presentColumn(row, "best", "best_est"));
		Integer low = count(row, Cells.presentColumn(row, "low", "low_est"));
		Integer high = count(row, Cells.presentColumn(row, "high", "high_est"));
		Integer deathsA = count(row, "deaths_a");
		Integer deathsB = count(row, "deaths_b");
		Integer civilians = count(row, "deaths_civilians");
		Integer unknown = count(row, "deaths_unknown");
		if (!consistent(best, low, high)) {
			// 200 of the 6,416 real Pakistan rows: best is UCDP's own figure, the bounds
			// are the slip
			warnings.add(new RecordWarning("RANGE_DROPPED", "low/high", "low " + low + ", high " + high
					+ " do not bracket best " + best + ": kept best, dropped low and high"));
			low = null;
			high = null;
		}
		Integer securityForces = null;
		Integer militants = null;
		if (type == 1 && isGovernment(sideA)) {
			if (isGovernment(sideB)) {
				securityForces = (deathsA != null && deathsB != null) ? deathsA + deathsB : null;
			}
			else {
				securityForces = deathsA;
				militants = deathsB;
			}
		}
		return Cells.casualties("best", best, low, high, civilians, securityForces, militants, unknown, null);
	}

	private static boolean consistent(Integer best, Integer low, Integer high) {
		if (low != null && high != null && low > high) {
			return false;
		}
		if (best != null && low != null && best < low) {
			return false;
		}
		return best == null || high == null || best <= high;
	}

	// -1 is UCDP's unknown; the standard parser's other sentinels (-9, -99) are GTD's and
	// would hide a negative count here
	private static Integer count(SourceRow row, String column) throws RowRejectedException {
		String value = Cells.text(row, column);
		if (value == null) {
			return null;
		}
		BigDecimal number = numberOrNull(value);
		if (number != null && number.signum() < 0) {
			if (number.compareTo(BigDecimal.ONE.negate()) == 0) {
				return null;
			}
			throw new RowRejectedException(RejectReason.NEGATIVE_COUNT, column,
					"\"" + value + "\" is negative (only -1, unknown, is allowed)");
		}
		return Cells.count(row, column, CasualtyParser.standard());
	}

	private static BigDecimal numberOrNull(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isGovernment(String side) {
		return side != null && side.startsWith(GOVERNMENT_PREFIX);
	}

}
