package org.incidentintel.etl.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.incidentintel.etl.read.SourceRow;

/**
 * A row's country when the source names it in several cells (ACLED's {@code iso3},
 * {@code iso} and {@code country}), read in the order of preference they are added in.
 * The first cell that names a known country decides; the others are still read, so that a
 * row whose cells contradict each other says so ({@code COUNTRY_CONFLICT}) and an unknown
 * code that a later cell stood in for is reported ({@code COUNTRY_FALLBACK}). Only a row
 * with no known country in any cell is rejected.
 */
final class CountryCells {

	private final Countries countries;

	private final List<Candidate> candidates = new ArrayList<>();

	CountryCells(Countries countries) {
		this.countries = countries;
	}

	/**
	 * A cell holding an alpha-3 or alpha-2 code (current, former or alternate); an
	 * unknown code is worth a warning when another cell stands in for it.
	 */
	CountryCells code(SourceRow row, String column) {
		return add(row, column, this.countries::find, "code");
	}

	/**
	 * A cell holding an ISO numeric code; the table lists only some, so an unknown one is
	 * no reason to warn.
	 */
	CountryCells numeric(SourceRow row, String column) {
		return add(row, column, this.countries::findNumeric, null);
	}

	/** A cell holding a country name (or a code). */
	CountryCells name(SourceRow row, String column) {
		return add(row, column, this.countries::find, "country");
	}

	private CountryCells add(SourceRow row, String column, Function<String, Optional<String>> lookup, String kind) {
		String value = Cells.text(row, column);
		Optional<String> country = (value != null) ? lookup.apply(value) : Optional.empty();
		this.candidates.add(new Candidate(column, value, country.orElse(null), kind));
		return this;
	}

	/**
	 * The alpha-3 code from the first cell that names a known country.
	 * @param warnings where a fallback or a contradiction is reported
	 * @return the alpha-3 code
	 * @throws RowRejectedException {@link RejectReason#MISSING_FIELD} when every cell is
	 * blank, {@link RejectReason#UNKNOWN_COUNTRY} when none names a known country; either
	 * names the last cell, the final fallback
	 */
	String resolve(List<RecordWarning> warnings) throws RowRejectedException {
		List<Candidate> given = this.candidates.stream().filter((candidate) -> candidate.value() != null).toList();
		String lastField = this.candidates.get(this.candidates.size() - 1).field();
		if (given.isEmpty()) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, lastField, "no country given");
		}
		Candidate chosen = given.stream()
			.filter((candidate) -> candidate.country() != null)
			.findFirst()
			.orElseThrow(() -> new RowRejectedException(RejectReason.UNKNOWN_COUNTRY, lastField,
					"no known country in " + String.join(", ", given.stream().map(Candidate::quoted).toList())));
		Set<String> named = new LinkedHashSet<>();
		given.stream().filter((candidate) -> candidate.country() != null).forEach((c) -> named.add(c.country()));
		if (named.size() > 1) {
			warnings.add(new RecordWarning("COUNTRY_CONFLICT", chosen.field(),
					"the country cells disagree: " + String.join(", ",
							given.stream()
								.map((candidate) -> candidate.quoted() + " is "
										+ ((candidate.country() != null) ? candidate.country() : "unknown"))
								.toList())
							+ "; kept " + chosen.country() + " from " + chosen.field()));
			return chosen.country();
		}
		for (Candidate skipped : given.subList(0, given.indexOf(chosen))) {
			if (skipped.kind() != null) {
				warnings
					.add(new RecordWarning("COUNTRY_FALLBACK", skipped.field(), skipped.quoted() + " is not a known "
							+ skipped.kind() + ": country " + chosen.country() + " from " + chosen.quoted()));
			}
		}
		return chosen.country();
	}

	// kind: what an unknown value is not ("code"), or null when that is no reason to warn
	private record Candidate(String field, String value, String country, String kind) {

		String quoted() {
			return this.field + " \"" + this.value + "\"";
		}

	}

}
