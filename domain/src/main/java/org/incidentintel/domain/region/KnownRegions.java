package org.incidentintel.domain.region;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every region of the database as a {@link KnownRegion}, with its other names, for the
 * {@link RegionResolver}s of the ETL (a load's resolvers) and of the API (an incident
 * filter's region names): the one place that reads them.
 */
public final class KnownRegions {

	private KnownRegions() {
	}

	/**
	 * Reads the regions in two statements.
	 * @param jdbc the database's template
	 * @return the regions in id order, each keyed by its database id as text
	 * ({@link KnownRegion#id()}, {@link KnownRegion#mergedInto()})
	 */
	public static List<KnownRegion> load(JdbcTemplate jdbc) {
		Map<Long, List<KnownRegionName>> names = new LinkedHashMap<>();
		jdbc.query("select region_id, name, valid_from, valid_to from region_name order by id", (row) -> {
			String name = row.getString(2);
			if (name != null && !name.isBlank()) {
				names.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
					.add(new KnownRegionName(name, localDate(row.getDate(3)), localDate(row.getDate(4))));
			}
		});
		List<KnownRegion> known = new ArrayList<>();
		jdbc.query("select id, country, name, valid_from, valid_to, merged_into_id from region order by id", (row) -> {
			long id = row.getLong(1);
			Object mergedInto = row.getObject(6);
			known.add(new KnownRegion(Long.toString(id), row.getString(2), row.getString(3), localDate(row.getDate(4)),
					localDate(row.getDate(5)), (mergedInto != null) ? mergedInto.toString() : null,
					names.getOrDefault(id, List.of())));
		});
		return known;
	}

	private static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
