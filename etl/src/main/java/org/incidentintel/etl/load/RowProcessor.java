package org.incidentintel.etl.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.organization.OrganizationResolution;
import org.incidentintel.domain.region.RegionResolution;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.format.RejectReason;
import org.incidentintel.etl.format.ReportedActor;
import org.incidentintel.etl.format.RowRejectedException;
import org.incidentintel.etl.format.SourceFormat;
import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadOutcome.Actor;
import org.incidentintel.etl.load.LoadOutcome.Rejected;
import org.incidentintel.etl.read.SourceRow;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row into a record ready to upsert (normalized by its format, names resolved,
 * content hashed) or into a reject with its reason. Returns null (filtered) for rows
 * outside the country filter and rows the format skips, such as a totals row.
 */
class RowProcessor implements ItemProcessor<LoadItem, LoadOutcome> {

	private final SourceFormat format;

	private final Resolvers resolvers;

	private final String countryFilter;

	RowProcessor(SourceFormat format, Resolvers resolvers, String countryFilter) {
		this.format = format;
		this.resolvers = resolvers;
		this.countryFilter = (countryFilter == null || countryFilter.isBlank()) ? null : countryFilter.trim();
	}

	@Override
	public LoadOutcome process(LoadItem item) {
		if (item instanceof LoadItem.Unreadable unreadable) {
			return new Rejected(unreadable.lineNumber(), RejectReason.UNREADABLE_ROW, null,
					withoutNul(unreadable.message()), withoutNul(unreadable.rawText()));
		}
		LoadItem.Row row = (LoadItem.Row) item;
		String nulColumn = nulColumn(row.row());
		if (nulColumn != null) {
			return new Rejected(row.lineNumber(), RejectReason.UNREADABLE_ROW, nulColumn,
					"a NUL character in column " + nulColumn
							+ ": the row is binary or in another encoding (UTF-16 without a byte order mark?)",
					withoutNul(row.row().rawText()));
		}
		if (this.format.skipReason(row.row()) != null) {
			return null;
		}
		NormalizedRecord record;
		try {
			record = this.format.read(row.row());
		}
		catch (RowRejectedException ex) {
			return new Rejected(row.lineNumber(), ex.reason(), ex.field(), ex.getMessage(), row.row().rawText());
		}
		if (this.countryFilter != null && !this.countryFilter.equalsIgnoreCase(record.country())) {
			return null;
		}
		return accept(row, record);
	}

	private Accepted accept(LoadItem.Row row, NormalizedRecord record) {
		LocalDate at = record.date().start();
		RegionResolution region = this.resolvers.resolveRegion(record.country(), record.regionName(), at);
		boolean regionUnresolved = !region.isResolved() && !region.isBlank();
		List<Actor> actors = new ArrayList<>();
		List<String> unresolved = new ArrayList<>();
		for (ReportedActor reported : record.actors()) {
			for (OrganizationResolution resolution : this.resolvers.resolveActors(reported.name(), at,
					record.country())) {
				switch (resolution.outcome()) {
					case RESOLVED -> {
						Long organization = (resolution.organizationId() != null)
								? Long.valueOf(resolution.organizationId()) : null;
						if (organization == null) {
							// an alias shared by several organizations, not told apart by
							// date
							unresolved.add(resolution.name());
						}
						actors.add(new Actor(resolution.name(), organization, reported.role(), resolution.suspected()));
					}
					case UNRESOLVED -> {
						unresolved.add(resolution.name());
						actors.add(new Actor(resolution.name(), null, reported.role(), resolution.suspected()));
					}
					case NO_ACTOR -> {
					}
				}
			}
		}
		Long regionId = region.isResolved() ? Long.valueOf(region.currentRegionId()) : null;
		Long regionAtEventId = region.isResolved() ? Long.valueOf(region.eventRegionId()) : null;
		String regionNameAtEvent = region.isResolved() ? region.eventName() : null;
		return new Accepted(row.lineNumber(), record, regionId, regionAtEventId, regionNameAtEvent, actors, unresolved,
				regionUnresolved, contentHash(record, regionId, regionAtEventId, actors), row.row().rawText());
	}

	// A NUL character cannot be stored in PostgreSQL text, and no source means one.
	private static String nulColumn(SourceRow row) {
		for (Map.Entry<String, String> cell : row.values().entrySet()) {
			if (cell.getValue() != null && cell.getValue().indexOf('\0') >= 0) {
				return cell.getKey();
			}
		}
		return null;
	}

	/** Text as the rejects table can keep it: NUL shown as the symbol for null. */
	private static String withoutNul(String text) {
		return (text != null) ? text.replace('\0', '\u2400') : null;
	}

	/**
	 * A digest of everything the load stores for the record, so that a re-run can tell an
	 * unchanged record (skip it) from a corrected one (update it).
	 */
	static String contentHash(NormalizedRecord record, Long regionId, Long regionAtEventId, List<Actor> actors) {
		StringBuilder text = new StringBuilder(512);
		append(text, record.sourceRecordId(), record.date(), record.kind(), record.country(), record.regionName(),
				regionId, regionAtEventId, record.district(), record.place(), record.location(), record.casualties(),
				record.attackTypes(), record.targets(), record.summary(), actors);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

	private static void append(StringBuilder text, Object... values) {
		for (Object value : values) {
			// records print all their components; the unit separator keeps fields apart
			text.append(value).append('\u001f');
		}
	}

}
