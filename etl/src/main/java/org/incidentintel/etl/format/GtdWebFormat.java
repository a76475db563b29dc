package org.incidentintel.etl.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;

/**
 * The Global Terrorism Database's website search-results export ({@code ID, DATE,
 * COUNTRY, CITY, PROVINCE, PERPETRATOR GROUP, FATALITIES, INJURED, TARGET TYPE, ATTACK
 * TYPE, WEAPON TYPE, INCIDENT SUMMARY, SOURCES, SUICIDE ATTACK, TARGET}). Its {@code ID}
 * is the codebook's {@code eventid}, so its records belong to the same {@code gtd}
 * dataset as {@link GtdFormat}'s.
 *
 * <p>
 * Mapping:
 * <ul>
 * <li>id: {@code ID} as integer text; date: {@code DATE}, an Excel serial ({@code 41275})
 * or a date text, via {@link DateParser#standard()}.</li>
 * <li>kind: always {@link IncidentKind#ATTACK}, as in the codebook layout.</li>
 * <li>actors: the whole {@code PERPETRATOR GROUP} cell as one
 * {@link PerpetratorRole#PERPETRATOR}, even when it names several groups: GTD group names
 * can contain commas, and the organization resolver's {@code resolveAll} splits the cell
 * by finding the longest runs that name known groups. A cell of {@code Unknown} names no
 * actor.</li>
 * <li>casualties: {@code FATALITIES} killed, {@code INJURED} injured ({@code Unknown} and
 * blank are unknown; a fraction is rounded with a {@code FRACTIONAL_COUNT} warning, as in
 * the codebook layout).</li>
 * <li>attack types: {@code ATTACK TYPE} split on commas, plus {@code Suicide attack} when
 * {@code SUICIDE ATTACK} is yes; targets: {@code TARGET TYPE} split on commas (GTD's
 * attack and target type names contain none). The free-text {@code TARGET} and
 * {@code WEAPON TYPE} stay in the raw record.</li>
 * <li>where: {@code COUNTRY}, region {@code PROVINCE}, place {@code CITY}; the export has
 * no coordinates. Summary: {@code INCIDENT SUMMARY}.</li>
 * </ul>
 */
public class GtdWebFormat implements SourceFormat {

	/** The format's name. */
	public static final String NAME = "gtd-web";

	private static final Set<String> YES = Set.of("yes", "y", "1", "1.0", "true");

	private final Countries countries;

	/** A format with the standard country table. */
	public GtdWebFormat() {
		this(Countries.standard());
	}

	/**
	 * A format with the given country table.
	 * @param countries the country table
	 */
	public GtdWebFormat(Countries countries) {
		this.countries = countries;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String dataset() {
		return GtdFormat.DATASET;
	}

	@Override
	public boolean recognizes(List<String> header) {
		return Cells.hasAll(header, "ID", "DATE", "PERPETRATOR GROUP");
	}

	// Without any of these every row would be rejected: say so once, before the run.
	@Override
	public void checkHeader(List<String> header) {
		Cells.requireColumns(name(), header, "ID", "DATE", "PERPETRATOR GROUP", "COUNTRY");
	}

	@Override
	public NormalizedRecord read(SourceRow row) throws RowRejectedException {
		Cells.requireComplete(row);
		String id = Cells.recordId(row, "ID");
		var date = Cells.date(row, "DATE", DateParser.standard());
		String country = this.countries.iso3(Cells.text(row, "COUNTRY"), "COUNTRY");
		List<RecordWarning> warnings = new ArrayList<>();
		Casualties casualties = Casualties.none()
			.withKilled(Cells.countRoundingFractions(row, "FATALITIES", warnings))
			.withInjured(Cells.countRoundingFractions(row, "INJURED", warnings));
		String groups = Cells.known(row, "PERPETRATOR GROUP");
		List<ReportedActor> actors = (groups != null) ? List.of(new ReportedActor(groups, PerpetratorRole.PERPETRATOR))
				: List.of();
		List<String> attackTypes = Cells.splitList(Cells.text(row, "ATTACK TYPE"));
		String suicide = Cells.text(row, "SUICIDE ATTACK");
		if (suicide != null && YES.contains(suicide.toLowerCase(Locale.ROOT))) {
			attackTypes.add(GtdFormat.SUICIDE_ATTACK);
		}
		return new NormalizedRecord(id, date, IncidentKind.ATTACK, country, Cells.known(row, "PROVINCE"), null,
				Cells.known(row, "CITY"), null, casualties, actors, attackTypes,
				Cells.splitList(Cells.text(row, "TARGET TYPE")), Cells.text(row, "INCIDENT SUMMARY"), warnings);
	}

}
