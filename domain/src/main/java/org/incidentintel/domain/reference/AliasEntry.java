package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An organization alias in {@code organizations.yaml}: a plain string, or a mapping when
 * the alias was used only for a period or needs a note.
 *
 * @param name the alias as written
 * @param validFrom first day it applies, or {@code null}
 * @param validTo last day it applies, or {@code null}
 * @param note why the alias is there, or {@code null}
 * @param countries the countries (ISO 3166 alpha-3) of the events it names the
 * organization in; empty: anywhere
 */
public record AliasEntry(String name, LocalDate validFrom, LocalDate validTo, String note, List<String> countries) {

	public AliasEntry {
		Fields.required(name, "name");
		Fields.ordered(validFrom, validTo, "validTo");
		countries = (countries != null) ? List.copyOf(countries) : List.of();
	}

	/**
	 * An alias without period or note, as written in the plain string form.
	 * @param name the alias
	 * @return the alias
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AliasEntry of(String name) {
		return new AliasEntry(name, null, null, null, List.of());
	}

}
