package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;

/**
 * One round of a diplomatic counter-terrorism dialogue, in {@code dialogues.yaml}.
 *
 * @param id stable lowercase key
 * @param title title of the round
 * @param date first day of the round (the first day of the month or year when only that
 * is known)
 * @param datePrecision how precisely {@code date} is known; {@code DAY} if not given
 * @param endDate last day of a round of several days, or {@code null}
 * @param location city where it was held, or {@code null} if not known
 * @param hostCountry ISO 3166 alpha-3 code of the host, or {@code null} if not known
 * @param format e.g. {@code bilateral}, or {@code null}
 * @param parties ISO 3166 alpha-3 codes of the participating countries
 * @param delegates the delegates known, co-chairs first
 * @param topics the subjects discussed
 * @param threats ids of the organizations named as threats
 * @param threatMentions the threats as the sources worded them, each naming one of
 * {@code threats}
 * @param commitments what the governments committed or resolved to do
 * @param achievements what was done before the round and reported at it (past work, not a
 * commitment)
 * @param previous id of the previous round, or {@code null}
 * @param sources ids of the documents the facts come from
 * @param summary a short summary in our own words, or {@code null}
 */
public record DialogueEntry(String id, String title, LocalDate date, DatePrecision datePrecision, LocalDate endDate,
		String location, String hostCountry, String format, List<String> parties, List<DelegateEntry> delegates,
		List<String> topics, List<String> threats, List<ThreatMentionEntry> threatMentions,
		List<CommitmentEntry> commitments, List<CommitmentEntry> achievements, String previous, List<String> sources,
		String summary) {

	public DialogueEntry {
		Fields.id(Fields.required(id, "id"), "id");
		Fields.required(title, "title");
		Fields.required(date, "date");
		datePrecision = (datePrecision != null) ? datePrecision : DatePrecision.DAY;
		Fields.precise(date, datePrecision, "date");
		Fields.ordered(date, endDate, "endDate");
		Fields.country(hostCountry, "hostCountry");
		parties = Fields.list(parties, "parties");
		for (int i = 0; i < parties.size(); i++) {
			Fields.country(parties.get(i), "parties[" + i + "]");
		}
		delegates = Fields.list(delegates, "delegates");
		topics = Fields.list(topics, "topics");
		threats = Fields.list(threats, "threats");
		for (int i = 0; i < threats.size(); i++) {
			Fields.id(threats.get(i), "threats[" + i + "]");
		}
		threatMentions = Fields.list(threatMentions, "threatMentions");
		for (int i = 0; i < threatMentions.size(); i++) {
			if (!threats.contains(threatMentions.get(i).organization())) {
				throw new InvalidFieldException("threatMentions[" + i + "].organization",
						"\"" + threatMentions.get(i).organization() + "\" is not one of this round's threats");
			}
		}
		commitments = Fields.list(commitments, "commitments");
		achievements = Fields.list(achievements, "achievements");
		Fields.id(previous, "previous");
		if (id.equals(previous)) {
			throw new InvalidFieldException("previous", "a round cannot follow itself");
		}
		sources = Fields.list(sources, "sources");
		for (int i = 0; i < sources.size(); i++) {
			Fields.id(sources.get(i), "sources[" + i + "]");
		}
	}

}
