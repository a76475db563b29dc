package org.incidentintel.etl.pull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds pages in the UCDP API's documented JSON shape ({@code TotalCount},
 * {@code TotalPages}, {@code PreviousPageUrl}, {@code NextPageUrl}, {@code Result}) with
 * events carrying GED's field names, as the real API writes them (dates as
 * {@code 2024-01-30T00:00:00}, {@code active_year} a boolean).
 */
final class UcdpPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private UcdpPages() {
	}

	/** The path and query of page {@code page} of a query, as the puller asks for it. */
	static String pathAndQuery(String version, int pageSize, int page, String extra) {
		return "/api/gedevents/" + version + "?pagesize=" + pageSize + "&page=" + page + "&Country=770" + extra;
	}

	/**
	 * Page {@code page} (0-based) of {@code totalPages}, with these events; the next
	 * page's URL on {@code api}, empty on the last.
	 */
	static String page(URI api, String version, int pageSize, int page, int totalPages, long totalCount, String extra,
			List<Map<String, Object>> events) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		String base = api.toString().replace("/api", "");
		body.put("TotalCount", totalCount);
		body.put("TotalPages", totalPages);
		body.put("PreviousPageUrl", (page == 0) ? "" : base + pathAndQuery(version, pageSize, page - 1, extra));
		body.put("NextPageUrl", (page + 1 < totalPages) ? base + pathAndQuery(version, pageSize, page + 1, extra) : "");
		body.put("Result", events);
		return JSON.writeValueAsString(body);
	}

	/** A one-sided event by the TTP in Khyber Pakhtunkhwa. */
	static Map<String, Object> event(long id, String day, int best) {
		Map<String, Object> event = new TreeMap<>();
		event.put("id", id);
		event.put("relid", "PAK-" + day.substring(0, 4) + "-3-" + id);
		event.put("year", Integer.parseInt(day.substring(0, 4)));
		event.put("active_year", true);
		event.put("code_status", "Clear");
		event.put("type_of_violence", 3);
		event.put("conflict_new_id", 1234);
		event.put("dyad_new_id", 5678);
		event.put("side_a", "TTP");
		event.put("side_b", "Civilians");
		event.put("number_of_sources", 2);
		event.put("source_headline", "Attack near Peshawar " + id);
		event.put("where_prec", 1);
		event.put("where_coordinates", "Peshawar town");
		event.put("where_description", "Peshawar");
		event.put("adm_1", "Khyber Pakhtunkhwa province");
		event.put("adm_2", "Peshawar district");
		event.put("latitude", 34.008 + id % 7 * 0.5);
		event.put("longitude", 71.578 + id % 5 * 0.5);
		event.put("country", "Pakistan");
		event.put("country_id", 770);
		event.put("region", "Asia");
		event.put("event_clarity", 1);
		event.put("date_prec", 1);
		event.put("date_start", day + "T00:00:00");
		event.put("date_end", day + "T00:00:00");
		event.put("deaths_a", 0);
		event.put("deaths_b", 0);
		event.put("deaths_civilians", best);
		event.put("deaths_unknown", 0);
		event.put("best", best);
		event.put("high", best + 2);
		event.put("low", best);
		event.put("gwnoa", null);
		return event;
	}

	static List<Map<String, Object>> events(Map<String, Object>... events) {
		return new ArrayList<>(List.of(events));
	}

}
