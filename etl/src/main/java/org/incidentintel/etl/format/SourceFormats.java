package org.incidentintel.etl.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The source formats the ETL knows, by name and by the look of a file's header.
 */
public final class SourceFormats {

	private static final SourceFormats STANDARD = new SourceFormats(List.of(new UcdpGedFormat(),
			UcdpGedFormat.candidate(), new GtdFormat(), new GtdWebFormat(), new AcledFormat()));

	private final List<SourceFormat> formats;

	/**
	 * A registry of the given formats.
	 * @param formats the formats, with distinct names
	 * @throws IllegalArgumentException if two formats share a name
	 */
	public SourceFormats(Collection<? extends SourceFormat> formats) {
		Set<String> names = new HashSet<>();
		for (SourceFormat format : formats) {
			if (!names.add(format.name().toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("Two formats are named '" + format.name() + "'");
			}
		}
		this.formats = List.copyOf(formats);
	}

	/**
	 * The built-in formats: {@code ucdp-ged}, {@code ucdp-candidate} (named only, never
	 * detected), {@code gtd}, {@code gtd-web}, {@code acled}.
	 * @return the shared registry
	 */
	public static SourceFormats standard() {
		return STANDARD;
	}

	/**
	 * This registry with one more format, such as one built from a mapping file.
	 * @param format the format
	 * @return a new registry
	 * @throws IllegalArgumentException if its name is taken
	 */
	public SourceFormats with(SourceFormat format) {
		List<SourceFormat> all = new ArrayList<>(this.formats);
		all.add(format);
		return new SourceFormats(all);
	}

	/**
	 * Every format, in registration order.
	 * @return the formats
	 */
	public List<SourceFormat> all() {
		return this.formats;
	}

	/**
	 * The format of that name, ignoring case.
	 * @param name a name such as {@code ucdp-ged}
	 * @return the format, or empty
	 */
	public Optional<SourceFormat> byName(String name) {
		return this.formats.stream().filter((format) -> format.name().equalsIgnoreCase(name)).findFirst();
	}

	/**
	 * The formats that recognize a file's header.
	 * @param header the column names in file order
	 * @return the detection: one format, none, or several candidates
	 */
	public Detection detect(List<String> header) {
		return new Detection(this.formats.stream().filter((format) -> format.recognizes(header)).toList());
	}

	/**
	 * What {@link #detect(List)} found: the formats whose {@code recognizes} accepted the
	 * header.
	 *
	 * @param candidates the recognizing formats, in registration order
	 */
	public record Detection(List<SourceFormat> candidates) {

		public Detection {
			candidates = List.copyOf(candidates);
		}

		/**
		 * The format, when exactly one recognized the header.
		 * @return the format, or empty when none or several did
		 */
		public Optional<SourceFormat> format() {
			return (this.candidates.size() == 1) ? Optional.of(this.candidates.get(0)) : Optional.empty();
		}

		/**
		 * Whether several formats recognized the header.
		 * @return true if the header is ambiguous
		 */
		public boolean isAmbiguous() {
			return this.candidates.size() > 1;
		}

		/**
		 * Whether no format recognized the header.
		 * @return true if the header is unknown
		 */
		public boolean isUnknown() {
			return this.candidates.isEmpty();
		}

		/**
		 * A sentence for the user: the format found, or why none was chosen.
		 * @return the description
		 */
		public String describe() {
			if (isUnknown()) {
				return "no known format recognizes this header";
			}
			List<String> names = this.candidates.stream().map(SourceFormat::name).toList();
			return isAmbiguous() ? "several formats recognize this header: " + String.join(", ", names)
					: "format " + names.get(0);
		}

	}

}
