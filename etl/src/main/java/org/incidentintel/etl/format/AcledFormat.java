package org.incidentintel.etl.format;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.CasualtyParser;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;

/**
 * ACLED CSV exports, in the pre-2023 layout ({@code data_id}, {@code inter1},
 * {@code interaction} codes, {@code iso3}) and the current one ({@code disorder_type},
 * {@code civilian_targeting}, {@code tags}); columns are found by name.
 *
 * <p>
 * Mapping:
 * <ul>
 * <li>id: {@code event_id_cnty}; date: {@code event_date} ({@code 2020-05-09},
 * {@code 09 May 2020} or Excel-resaved {@code 9-May-20}) read as ACLED's
 * {@code time_precision} says: 1 (the day) and 2 (a day within the week ACLED reports)
 * keep the day, since ACLED itself codes the event on that day; 3 (the month) widens it
 * to the whole month.</li>
 * <li>kind from {@code event_type}: {@code Battles} {@link IncidentKind#CLASH};
 * {@code Explosions/Remote violence} {@link IncidentKind#STRIKE} when
 * {@code sub_event_type} is {@code Air/drone strike}, else {@link IncidentKind#ATTACK};
 * {@code Violence against civilians} {@link IncidentKind#ATTACK}; {@code Riots},
 * {@code Protests}, {@code Strategic developments} {@link IncidentKind#OTHER}. The older
 * types ({@code Battle-...}, {@code Remote violence}, {@code Riots/Protests}) map alike;
 * an unknown type is {@link IncidentKind#OTHER} with an {@code UNKNOWN_EVENT_TYPE}
 * warning.</li>
 * <li>actors: for attacks and strikes (one-sided), {@code actor1} as
 * {@link PerpetratorRole#PERPETRATOR} and {@code actor2} as the target; otherwise
 * {@code actor1} {@link PerpetratorRole#SIDE_A} and {@code actor2}
 * {@link PerpetratorRole#SIDE_B}. Names are passed verbatim
 * ({@code TTP: Tehreek-i-Taliban Pakistan}, {@code Military Forces of Pakistan (2018-)}):
 * the organization resolver reads them. The {@code assoc_actor} cells are left in the raw
 * record.</li>
 * <li>attack types: {@code sub_event_type} for clashes, attacks and strikes; targets:
 * {@code actor2} of an attack or strike, and {@code Civilians} when
 * {@code civilian_targeting} is set and no target names them yet.</li>
 * <li>casualties: {@code fatalities} killed (ACLED gives no breakdown); ACLED writes 0
 * when no one died, so a blank cell is {@code MISSING_FIELD}.</li>
 * <li>a row cut off by the exporter, its trailing cells present but blank, is a
 * {@code TRUNCATED_ROW}; an actor name with an unclosed bracket ({@code Civilians (})
 * loads with an {@code UNBALANCED_BRACKET} warning.</li>
 * <li>where: country from {@code iso3} (former codes such as {@code ROM} included), else
 * the numeric {@code iso}, else {@code country}, with a {@code COUNTRY_FALLBACK} warning
 * when an unknown {@code iso3} was passed over and a {@code COUNTRY_CONFLICT} warning
 * when the cells name different countries ({@link CountryCells}); region {@code admin1},
 * district {@code admin2}, place {@code location}, coordinates
 * {@code latitude}/{@code longitude}; summary {@code notes}.</li>
 * </ul>
 */
public class AcledFormat implements SourceFormat {

	/** The format's and the dataset's name. */
	public static final String NAME = "acled";

	private final Countries countries;

	/** A format with the standard country table. */
	public AcledFormat() {
		this(Countries.standard());
	}

	/**
	 * A format with the given country table.
	 * @param countries the country table
	 */
	public AcledFormat(Countries countries) {
		this.countries = countries;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String dataset() {
		return NAME;
	}

	@Override
	public boolean recognizes(List<String> header) {
		return Cells.hasAll(header, "event_id_cnty", "event_date", "fatalities");
	}

	// Without any of these every row would be rejected: say so once, before the run.
	@Override
	public void checkHeader(List<String> header) {
		Cells.requireColumns(name(), header, "event_id_cnty", "event_date", "fatalities", "event_type",
				"iso3|iso|country");
	}

	@Override
	public NormalizedRecord read(SourceRow row) throws RowRejectedException {
		Cells.requireComplete(row);
		Cells.requireNotCutOff(row, "event_id_cnty", "event_date", "event_type", "fatalities");
		String id = Cells.recordId(row, "event_id_cnty");
		DateSpan date = date(row);
		List<RecordWarning> warnings = new ArrayList<>();
		IncidentKind kind = kind(row, warnings);
		String country = new CountryCells(this.countries).code(row, "iso3")
			.numeric(row, "iso")
			.name(row, "country")
			.resolve(warnings);
		Casualties casualties = Casualties.none().withKilled(fatalities(row));
		boolean oneSided = kind == IncidentKind.ATTACK || kind == IncidentKind.STRIKE;
		String actor1 = Cells.text(row, "actor1");
		String actor2 = Cells.text(row, "actor2");
		Cells.warnUnbalancedBrackets(row, warnings, "actor1", "assoc_actor_1", "actor2", "assoc_actor_2");
		List<ReportedActor> actors = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		if (oneSided) {
			if (actor1 != null) {
				actors.add(new ReportedActor(actor1, PerpetratorRole.PERPETRATOR));
			}
			if (actor2 != null) {
				targets.add(actor2);
			}
		}
		else {
			if (actor1 != null) {
				actors.add(new ReportedActor(actor1, PerpetratorRole.SIDE_A));
			}
			if (actor2 != null) {
				actors.add(new ReportedActor(actor2, PerpetratorRole.SIDE_B));
			}
		}
		// Usually actor2 already says so ("Civilians (Pakistan)")
		boolean civiliansNamed = targets.stream().anyMatch((target) -> target.startsWith("Civilians"));
		if (Cells.text(row, "civilian_targeting") != null && !civiliansNamed) {
			targets.add("Civilians");
		}
		String subEventType = Cells.text(row, "sub_event_type");
		List<String> attackTypes = (kind != IncidentKind.OTHER && subEventType != null) ? List.of(subEventType)
				: List.of();
		return new NormalizedRecord(id, date, kind, country, Cells.text(row, "admin1"), Cells.text(row, "admin2"),
				Cells.text(row, "location"), Cells.location(row, "latitude", "longitude"), casualties, actors,
				attackTypes, targets, Cells.text(row, "notes"), warnings);
	}

	// ACLED writes 0 when no one died: a blank cell is a gap, not an unknown count
	private static Integer fatalities(SourceRow row) throws RowRejectedException {
		if (Cells.text(row, "fatalities") == null) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, "fatalities", "no fatalities given");
		}
		return Cells.count(row, "fatalities", CasualtyParser.standard());
	}

	private static DateSpan date(SourceRow row) throws RowRejectedException {
		DateSpan date = Cells.date(row, "event_date", DateParser.standard());
		Integer precision = Cells.integer(row, "time_precision", RejectReason.BAD_CODE);
		if (precision == null || precision == 1 || precision == 2) {
			return date;
		}
		if (precision == 3) {
			return DateSpan.month(YearMonth.from(date.start()));
		}
		throw new RowRejectedException(RejectReason.BAD_CODE, "time_precision",
				"\"" + precision + "\" is not 1 (day), 2 (week) or 3 (month)");
	}

	private static IncidentKind kind(SourceRow row, List<RecordWarning> warnings) throws RowRejectedException {
		String eventType = Cells.text(row, "event_type");
		if (eventType == null) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, "event_type", "no event type");
		}
		String type = eventType.toLowerCase(Locale.ROOT);
		if (type.startsWith("battle")) {
			return IncidentKind.CLASH;
		}
		if (type.equals("explosions/remote violence") || type.equals("remote violence")) {
			String subEventType = Cells.text(row, "sub_event_type");
			return (subEventType != null && subEventType.equalsIgnoreCase("Air/drone strike")) ? IncidentKind.STRIKE
					: IncidentKind.ATTACK;
		}
		if (type.equals("violence against civilians")) {
			return IncidentKind.ATTACK;
		}
		if (!List
			.of("riots", "protests", "riots/protests", "strategic developments", "non-violent transfer of territory",
					"headquarters or base established")
			.contains(type)) {
			warnings.add(new RecordWarning("UNKNOWN_EVENT_TYPE", "event_type",
					"\"" + eventType + "\" is not an ACLED event type: read as OTHER"));
		}
		return IncidentKind.OTHER;
	}

}
