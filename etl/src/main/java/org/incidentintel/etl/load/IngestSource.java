package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.incidentintel.etl.format.SourceFormat;
import org.incidentintel.etl.format.SourceFormats;
import org.incidentintel.etl.mapping.Mapping;
import org.incidentintel.etl.mapping.MappingFile;
import org.incidentintel.etl.read.BadHeaderException;
import org.incidentintel.etl.read.ReaderOptions;
import org.incidentintel.etl.read.SourceFile;
import org.incidentintel.etl.read.TabularReader;
import org.incidentintel.etl.read.TabularReaders;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A source file together with the format that reads it and the reader options that format
 * needs: a built-in format by name, a mapping file (a path or a bundled name), or
 * whatever the file's header makes unambiguous.
 *
 * @param format the format
 * @param formatParameter the format as the job parameter names it (so a restart resolves
 * the same one)
 * @param options reader options (encoding, delimiter, sheet, lines before the header)
 * @param detected how the format was chosen, for the user
 */
public record IngestSource(SourceFile file, SourceFormat format, String formatParameter, ReaderOptions options,
		String detected) {

	/**
	 * Resolves the format. Exactly one of {@code format} and {@code mapping} may be
	 * given; with neither, the file's header decides.
	 * @throws IllegalArgumentException when the format or mapping is unknown or the
	 * header fits no format or several
	 */
	public static IngestSource resolve(SourceFile file, String format, String mapping, String encoding) {
		if (format != null && mapping != null) {
			throw new IllegalArgumentException("give either --format or --mapping, not both");
		}
		if (mapping != null) {
			return forMapping(file, mapping, encoding, "mapping " + mapping);
		}
		if (format != null) {
			if (format.startsWith(IngestParameters.MAPPING_PREFIX)) {
				return forMapping(file, format.substring(IngestParameters.MAPPING_PREFIX.length()), encoding,
						"mapping");
			}
			SourceFormat builtIn = SourceFormats.standard()
				.byName(format)
				.orElseThrow(() -> new IllegalArgumentException(
						"unknown format '" + format + "'; built-in formats: " + builtInNames()));
			return new IngestSource(file, builtIn, format, ReaderOptions.defaults().withEncoding(encoding),
					"format " + format);
		}
		return detect(file, encoding);
	}

	private static IngestSource forMapping(SourceFile file, String mapping, String encoding, String detected) {
		MappingFile mappingFile = Files.isRegularFile(Path.of(mapping)) ? MappingFile.load(Path.of(mapping))
				: MappingFile.bundled(mapping);
		String parameter = Files.isRegularFile(Path.of(mapping))
				? IngestParameters.MAPPING_PREFIX + Path.of(mapping).toAbsolutePath()
				: IngestParameters.MAPPING_PREFIX + mapping;
		return new IngestSource(file, mappingFile.format(), parameter, options(mappingFile.mapping(), encoding),
				detected);
	}

	static ReaderOptions options(Mapping mapping, String encoding) {
		Mapping.Source source = mapping.source();
		ReaderOptions options = ReaderOptions.defaults();
		if (source == null) {
			return options.withEncoding(encoding);
		}
		options = options.withEncoding((encoding != null) ? encoding : source.encoding())
			.withHeaderRowOffset(source.skipLinesOrDefault());
		if (source.delimiter() != null) {
			options = options.withDelimiter(source.delimiter());
		}
		if (source.sheet() != null) {
			options = options.withSheetName(source.sheet());
		}
		return options;
	}

	private static IngestSource detect(SourceFile file, String encoding) {
		List<String> header = header(file, ReaderOptions.defaults().withEncoding(encoding));
		List<SourceFormat> candidates = new ArrayList<>(SourceFormats.standard().detect(header).candidates());
		List<String> mappings = new ArrayList<>();
		for (String bundled : bundledMappings()) {
			MappingFile mappingFile = MappingFile.bundled(bundled);
			if (mappingFile.format().recognizes(header)) {
				candidates.add(mappingFile.format());
				mappings.add(bundled);
			}
		}
		if (candidates.size() != 1) {
			throw new IllegalArgumentException(((candidates.isEmpty()) ? "no format recognizes"
					: "several formats recognize " + candidates.stream().map(SourceFormat::name).toList() + " in")
					+ " the header of " + file.displayName() + "; name one with --format (" + builtInNames()
					+ ") or --mapping" + nulHint(header));
		}
		if (!mappings.isEmpty()) {
			return forMapping(file, mappings.get(0), encoding, "detected bundled mapping " + mappings.get(0));
		}
		SourceFormat format = candidates.get(0);
		return new IngestSource(file, format, format.name(), ReaderOptions.defaults().withEncoding(encoding),
				"detected format " + format.name());
	}

	/**
	 * Checks that the file's header has the columns the format reads, so that a file that
	 * does not fit is refused before any run starts.
	 * @throws BadHeaderException naming the file and what its header lacks
	 */
	public void checkHeader() {
		List<String> header = header(this.file, this.options);
		try {
			this.format.checkHeader(header);
		}
		catch (IllegalArgumentException ex) {
			throw new BadHeaderException(this.file.displayName(), ex.getMessage(), ex);
		}
	}

	private static List<String> header(SourceFile file, ReaderOptions options) {
		try (TabularReader reader = TabularReaders.open(file, options)) {
			return reader.header();
		}
		catch (IOException ex) {
			// Not an UncheckedIOException: the command line would print only the deepest
			// cause ("Truncated ZIP file"), without the file
			String message = String.valueOf(ex.getMessage());
			throw new BadHeaderException(
					file.displayName(), message.startsWith(file.displayName())
							? message.substring(file.displayName().length()).strip() : "cannot be read: " + message,
					ex);
		}
	}

	// UTF-16 without a byte order mark reads as valid UTF-8 with a NUL between letters
	private static String nulHint(List<String> header) {
		boolean nul = header.stream().anyMatch((name) -> name.indexOf('\0') >= 0);
		return nul ? "; the header holds NUL characters: a UTF-16 file without a byte order mark? "
				+ "Try --encoding UTF-16LE (or UTF-16BE)" : "";
	}

	/**
	 * The names of the mappings shipped in the jar, without the {@code .yaml} extension.
	 */
	static List<String> bundledMappings() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + MappingFile.CLASSPATH_DIRECTORY + "*.yaml");
			List<String> names = new ArrayList<>();
			for (Resource resource : resources) {
				String name = resource.getFilename();
				names.add(name.substring(0, name.length() - ".yaml".length()));
			}
			names.sort(null);
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String builtInNames() {
		return String.join(", ", SourceFormats.standard().all().stream().map(SourceFormat::name).toList());
	}

}
