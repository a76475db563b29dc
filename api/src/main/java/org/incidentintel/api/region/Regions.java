package org.incidentintel.api.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.incidentintel.domain.common.NameSearch;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads regions; {@link #findByIds(Collection)} is the batch loader other packages use
 * for their edges to regions.
 */
@Repository
public class Regions {

	static final String COLUMNS = "r.id, r.ref_key, r.country, r.name, r.iso_code, r.parent_id, r.valid_from, "
			+ "r.valid_to, r.merged_into_id";

	private final NamedParameterJdbcTemplate jdbc;

	public Regions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The regions with the given ids, in one statement; ids without a row are absent from
	 * the map.
	 */
	public Map<Long, Region> findByIds(Collection<Long> ids) {
		Map<Long, Region> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.query("select " + COLUMNS + " from region r where r.id in (:ids)", Map.of("ids", ids), (rs) -> {
			Region region = map(rs);
			result.put(region.id(), region);
		});
		return result;
	}

	/** The regions of a country (all when {@code null}), ordered by country and name. */
	List<Region> findByCountry(String country) {
		if (country == null) {
			return this.jdbc.query("select " + COLUMNS + " from region r order by r.country, r.name, r.id",
					(rs, row) -> map(rs));
		}
		return this.jdbc.query("select " + COLUMNS + " from region r where r.country = :country order by r.name, r.id",
				Map.of("country", country.toUpperCase(Locale.ROOT)), (rs, row) -> map(rs));
	}

	/**
	 * The regions (of a country, all when {@code null}), former ones included, ranked by
	 * how close their names come to a text (see {@link NameSearch}), each once with its
	 * closest name; one statement.
	 * @return the candidates scoring at least {@code minScore}, best first
	 */
	List<NameSearch.Hit<Region>> search(String text, String country, double minScore) {
		String sql = "select " + COLUMNS + ", n.name as alias from region r left join region_name n "
				+ "on n.region_id = r.id";
		Map<String, Object> parameters = new HashMap<>();
		if (country != null) {
			sql += " where r.country = :country";
			parameters.put("country", country.toUpperCase(Locale.ROOT));
		}
		Map<Long, Region> regions = new HashMap<>();
		List<Map.Entry<Region, String>> names = new ArrayList<>();
		this.jdbc.query(sql, parameters, (rs) -> {
			Region region = regions.get(rs.getLong("id"));
			if (region == null) {
				region = map(rs);
				regions.put(region.id(), region);
				// The official name, whether or not region_name repeats it
				names.add(Map.entry(region, region.name()));
			}
			String alias = rs.getString("alias");
			if (alias != null) {
				names.add(Map.entry(region, alias));
			}
		});
		return NameSearch.of(names, Map.Entry::getKey, Map.Entry::getValue).search(text, minScore);
	}

	/** The names of each region, the official one first. */
	Map<Long, List<RegionName>> namesOf(Collection<Long> regionIds) {
		Map<Long, List<RegionName>> result = new HashMap<>();
		if (regionIds.isEmpty()) {
			return result;
		}
		this.jdbc.query("select region_id, name, valid_from, valid_to, note from region_name where region_id in (:ids) "
				+ "order by region_id, id", Map.of("ids", regionIds), (rs) -> {
					RegionName name = new RegionName(rs.getLong("region_id"), rs.getString("name"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
							rs.getString("note"));
					result.computeIfAbsent(name.regionId(), (id) -> new ArrayList<>()).add(name);
				});
		return result;
	}

	static Region map(ResultSet rs) throws SQLException {
		return new Region(rs.getLong("id"), rs.getString("ref_key"), rs.getString("country"), rs.getString("name"),
				rs.getString("iso_code"), rs.getObject("parent_id", Long.class),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getObject("merged_into_id", Long.class));
	}

}
