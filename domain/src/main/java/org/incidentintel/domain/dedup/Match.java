package org.incidentintel.domain.dedup;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two records judged to describe the same event, with the score and the evidence behind
 * it.
 *
 * @param a one record (the lower by key)
 * @param b the other
 * @param score from 0 to 1; at or above the threshold the two are one event
 * @param evidence each criterion's finding and partial score, as stored on the link
 */
public record Match(MatchRecord a, MatchRecord b, double score, Map<String, Object> evidence) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The evidence as the JSON stored in {@code source_record.match_evidence}.
	 * @param other the record on the other side of the link, named in the evidence
	 * @return JSON text
	 */
	public String evidenceJson(MatchRecord other) {
		Map<String, Object> json = new java.util.LinkedHashMap<>();
		json.put("rule", "matched");
		json.put("with", other.key().toString());
		json.put("score", round(this.score));
		json.putAll(this.evidence);
		return JSON.writeValueAsString(json);
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
