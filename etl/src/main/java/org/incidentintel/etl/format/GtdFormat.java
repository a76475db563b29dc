package org.incidentintel.etl.format;

import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.DateParseException;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;

/**
 * The Global Terrorism Database in its codebook layout (135 columns, {@code eventid} to
 * {@code related}), from the official XLSX or a CSV export. Numbers may arrive as float
 * strings ({@code "199301220001.0"}, {@code "5.0"}) from a CSV written by a data frame.
 *
 * <p>
 * Mapping:
 * <ul>
 * <li>id: {@code eventid} as integer text; date: {@code iyear}, {@code imonth},
 * {@code iday}, {@code approxdate} via {@link DateParser#gtd} (a 0 month or day widens
 * the span, and a readable {@code approxdate} narrows it again).</li>
 * <li>kind: always {@link IncidentKind#ATTACK}: every GTD event is a terrorist attack,
 * {@code Unarmed Assault} and {@code Hostage Taking} included.</li>
 * <li>attack types: {@code attacktype1_txt}..{@code attacktype3_txt}, plus
 * {@code Suicide attack} when {@code suicide} is 1; targets: the target types
 * {@code targtype1_txt}..{@code targtype3_txt} (a closed list that compares across
 * sources, unlike the free-text {@code target1}..{@code target3}). {@code Unknown} is
 * left out of both.</li>
 * <li>actors: {@code gname}, {@code gname2}, {@code gname3} as
 * {@link PerpetratorRole#PERPETRATOR}, except {@code Unknown}; a group whose
 * {@code guncertainN} is 1 gets a {@code (suspected)} suffix, which the organization
 * resolver reads.</li>
 * <li>casualties: {@code nkill} killed (attackers included, as GTD counts),
 * {@code nkillter} militants (the perpetrators killed), {@code nwound} injured; blank,
 * {@code -9}, {@code -99} and {@code Unknown} are unknown; a fraction ({@code 19.8},
 * which real extracts carry) is rounded half up with a {@code FRACTIONAL_COUNT} warning
 * rather than costing the event.</li>
 * <li>a row cut off by the exporter, its trailing cells present but blank
 * ({@code dbsource} and {@code INT_ANY}, which every record fills, among them), is a
 * {@code TRUNCATED_ROW}.</li>
 * <li>where: country from {@code country_txt}, region {@code provstate}, place
 * {@code city} ({@code Unknown} is left out of both, mojibake is kept as is), location
 * {@code latitude}/{@code longitude}; summary {@code summary}.</li>
 * </ul>
 */
public class GtdFormat implements SourceFormat {

	/** The format's name. */
	public static final String NAME = "gtd";

	/** The dataset, shared with {@link GtdWebFormat}. */
	public static final String DATASET = "gtd";

	static final String SUICIDE_ATTACK = "Suicide attack";

	private static final String SUSPECTED = " (suspected)";

	private final Countries countries;

	/** A format with the standard country table. */
	public GtdFormat() {
		this(Countries.standard());
	}

	/**
	 * A format with the given country table.
	 * @param countries the country table
	 */
	public GtdFormat(Countries countries) {
		this.countries = countries;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String dataset() {
		return DATASET;
	}

	@Override
	public boolean recognizes(List<String> header) {
		return Cells.hasAll(header, "eventid", "iyear", "gname");
	}

	// Without any of these every row would be rejected: say so once, before the run.
	@Override
	public void checkHeader(List<String> header) {
		Cells.requireColumns(name(), header, "eventid", "iyear", "gname", "country_txt");
	}

	@Override
	public NormalizedRecord read(SourceRow row) throws RowRejectedException {
		Cells.requireComplete(row);
		// GTD fills dbsource and the INT_ flags of every record, so a blank tail that
		// holds
		// them is a record cut off, not an event with nothing known
		Cells.requireNotCutOff(row, "eventid", "iyear", "country_txt", "dbsource", "INT_ANY");
		String id = Cells.recordId(row, "eventid");
		DateSpan date = date(row);
		String country = this.countries.iso3(Cells.text(row, "country_txt"), "country_txt");
		List<RecordWarning> warnings = new ArrayList<>();
		Casualties casualties = Cells.casualties("nkill", Cells.countRoundingFractions(row, "nkill", warnings), null,
				null, null, null, Cells.countRoundingFractions(row, "nkillter", warnings), null,
				Cells.countRoundingFractions(row, "nwound", warnings));
		List<String> attackTypes = Cells.knownValues(row, "attacktype1_txt", "attacktype2_txt", "attacktype3_txt");
		if (flag(row, "suicide")) {
			attackTypes.add(SUICIDE_ATTACK);
		}
		return new NormalizedRecord(id, date, IncidentKind.ATTACK, country, Cells.known(row, "provstate"), null,
				Cells.known(row, "city"), Cells.location(row, "latitude", "longitude"), casualties, actors(row),
				attackTypes, Cells.knownValues(row, "targtype1_txt", "targtype2_txt", "targtype3_txt"),
				Cells.text(row, "summary"), warnings);
	}

	private static DateSpan date(SourceRow row) throws RowRejectedException {
		Integer year = Cells.integer(row, "iyear", RejectReason.BAD_DATE);
		if (year == null) {
			throw new RowRejectedException(RejectReason.BAD_DATE, "iyear", "no year given");
		}
		int month = zeroIfBlank(Cells.integer(row, "imonth", RejectReason.BAD_DATE));
		int day = zeroIfBlank(Cells.integer(row, "iday", RejectReason.BAD_DATE));
		try {
			return DateParser.gtd(year, month, day, Cells.text(row, "approxdate"));
		}
		catch (DateParseException ex) {
			String field = (year < 1 || year > 9999) ? "iyear" : (month < 0 || month > 12) ? "imonth" : "iday";
			throw Cells.dateRejected(field, ex.getInput(), ex);
		}
	}

	private static int zeroIfBlank(Integer value) {
		return (value != null) ? value : 0;
	}

	private static List<ReportedActor> actors(SourceRow row) throws RowRejectedException {
		List<ReportedActor> actors = new ArrayList<>();
		String[][] groups = { { "gname", "guncertain1" }, { "gname2", "guncertain2" }, { "gname3", "guncertain3" } };
		for (String[] group : groups) {
			String name = Cells.known(row, group[0]);
			if (name != null) {
				boolean suspected = flag(row, group[1]);
				actors.add(new ReportedActor(suspected ? name + SUSPECTED : name, PerpetratorRole.PERPETRATOR));
			}
		}
		return actors;
	}

	// GTD's 0/1 flags, possibly "1.0"; -9 (unknown) and blank count as not set
	private static boolean flag(SourceRow row, String column) throws RowRejectedException {
		Integer value = Cells.integer(row, column, RejectReason.BAD_CODE);
		return value != null && value == 1;
	}

}
