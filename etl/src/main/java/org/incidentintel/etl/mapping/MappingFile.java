package org.incidentintel.etl.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.incidentintel.etl.mapping.Mapping.ActorField;
import org.incidentintel.etl.mapping.Mapping.CountField;
import org.incidentintel.etl.mapping.Mapping.Fields;
import org.incidentintel.etl.mapping.Mapping.ListField;
import org.incidentintel.etl.mapping.Mapping.SkipRow;
import org.incidentintel.etl.mapping.Mapping.TextField;

/**
 * A loaded, validated mapping file: the {@link Mapping} it declares, where it came from,
 * and the line of every key, so that later problems (a column missing from a file's
 * header) can still point at the mapping's line.
 *
 * <p>
 * Loading fails with one {@link MappingException} listing every problem, before any row
 * is read. {@link #format()} yields the {@link MappingFileFormat} that reads rows.
 */
public final class MappingFile {

	/** Where mappings bundled with the ETL live on the classpath. */
	public static final String CLASSPATH_DIRECTORY = "mappings/";

	private final String file;

	private final Mapping mapping;

	private final YamlLines lines;

	private final List<ColumnReference> columns;

	MappingFile(String file, Mapping mapping, YamlLines lines) {
		this.file = file;
		this.mapping = mapping;
		this.lines = lines;
		this.columns = columnReferences(mapping, lines);
	}

	/**
	 * Load a mapping file from disk (UTF-8).
	 * @param path the YAML file
	 * @return the validated mapping
	 * @throws MappingException listing every problem, each with file, line and path
	 */
	public static MappingFile load(Path path) {
		String name = (path.getFileName() != null) ? path.getFileName().toString() : path.toString();
		String text;
		try {
			text = Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw unreadable(name, "cannot be read: " + ex);
		}
		return parse(text, name);
	}

	/**
	 * Load a mapping file from the classpath.
	 * @param classpathResource e.g.
	 * {@code mappings/pakistan-body-count-suicide-attacks.yaml}
	 * @return the validated mapping
	 * @throws MappingException if there is no such resource or it is invalid
	 */
	public static MappingFile load(String classpathResource) {
		String resource = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
		String name = resource.substring(resource.lastIndexOf('/') + 1);
		ClassLoader classLoader = MappingFile.class.getClassLoader();
		try (InputStream input = classLoader.getResourceAsStream(resource)) {
			if (input == null) {
				throw unreadable(name, "no such resource on the classpath: " + resource);
			}
			return parse(new String(input.readAllBytes(), StandardCharsets.UTF_8), name);
		}
		catch (IOException ex) {
			throw unreadable(name, "cannot be read: " + ex);
		}
	}

	/**
	 * Load a mapping bundled with the ETL by its name.
	 * @param name e.g. {@code pakistan-body-count-suicide-attacks} (a {@code .yaml}
	 * suffix is allowed)
	 * @return the validated mapping
	 * @throws MappingException if there is no such mapping or it is invalid
	 */
	public static MappingFile bundled(String name) {
		return load(CLASSPATH_DIRECTORY + (name.endsWith(".yaml") ? name : name + ".yaml"));
	}

	/** Parse mapping text; the file name is only used in messages. */
	static MappingFile parse(String yaml, String fileName) {
		return MappingReader.read(yaml, fileName);
	}

	private static MappingException unreadable(String name, String message) {
		return new MappingException("Cannot load mapping file " + name,
				List.of(new MappingProblem(name, 0, "", message)));
	}

	/**
	 * The mapping's name, which is also its format's name.
	 * @return the value of {@code mapping:}
	 */
	public String name() {
		return this.mapping.mapping();
	}

	/**
	 * The dataset the records belong to.
	 * @return the value of {@code dataset:}
	 */
	public String dataset() {
		return this.mapping.dataset();
	}

	/**
	 * The file the mapping was loaded from, as named in messages.
	 * @return the file name
	 */
	public String file() {
		return this.file;
	}

	/**
	 * What the file declares, including how the source file is read ({@code source:}).
	 * @return the mapping
	 */
	public Mapping mapping() {
		return this.mapping;
	}

	/**
	 * The source format this mapping defines.
	 * @return a new format reading rows with this mapping
	 */
	public MappingFileFormat format() {
		return new MappingFileFormat(this);
	}

	/** Every column the mapping reads, with where the mapping names it. */
	List<ColumnReference> columns() {
		return this.columns;
	}

	int line(YamlPath path) {
		return this.lines.line(path);
	}

	private static List<ColumnReference> columnReferences(Mapping mapping, YamlLines lines) {
		List<ColumnReference> columns = new ArrayList<>();
		YamlPath source = YamlPath.of("source", "skipRows");
		List<SkipRow> skipRows = (mapping.source() != null && mapping.source().skipRows() != null)
				? mapping.source().skipRows() : List.of();
		for (int i = 0; i < skipRows.size(); i++) {
			add(columns, skipRows.get(i).column(), source.index(i).key("column"));
		}
		Fields fields = mapping.fields();
		YamlPath path = YamlPath.of("fields");
		text(columns, fields.id(), path.key("id"));
		if (fields.date() != null) {
			add(columns, fields.date().column(), path.key("date").key("column"));
			add(columns, fields.date().endColumn(), path.key("date").key("endColumn"));
		}
		if (fields.kind() != null) {
			add(columns, fields.kind().column(), path.key("kind").key("column"));
		}
		if (fields.country() != null) {
			add(columns, fields.country().column(), path.key("country").key("column"));
		}
		text(columns, fields.region(), path.key("region"));
		text(columns, fields.district(), path.key("district"));
		text(columns, fields.place(), path.key("place"));
		if (fields.location() != null) {
			add(columns, fields.location().latitude(), path.key("location").key("latitude"));
			add(columns, fields.location().longitude(), path.key("location").key("longitude"));
		}
		count(columns, fields.killed(), path.key("killed"));
		count(columns, fields.injured(), path.key("injured"));
		count(columns, fields.civilians(), path.key("civilians"));
		count(columns, fields.securityForces(), path.key("securityForces"));
		count(columns, fields.militants(), path.key("militants"));
		count(columns, fields.unknownKilled(), path.key("unknownKilled"));
		List<ActorField> perpetrators = (fields.perpetrators() != null) ? fields.perpetrators() : List.of();
		for (int i = 0; i < perpetrators.size(); i++) {
			YamlPath actor = MappingValidator.perpetratorPath(lines, i);
			add(columns, perpetrators.get(i).column(), actor.key("column"));
			list(columns, perpetrators.get(i).columns(), actor.key("columns"));
		}
		items(columns, fields.attackTypes(), path.key("attackTypes"));
		items(columns, fields.targets(), path.key("targets"));
		text(columns, fields.summary(), path.key("summary"));
		return Collections.unmodifiableList(columns);
	}

	private static void text(List<ColumnReference> columns, TextField field, YamlPath path) {
		if (field != null) {
			add(columns, field.column(), path.key("column"));
			list(columns, field.concat(), path.key("concat"));
		}
	}

	private static void count(List<ColumnReference> columns, CountField field, YamlPath path) {
		if (field != null) {
			add(columns, field.column(), path.key("column"));
			list(columns, field.sum(), path.key("sum"));
			add(columns, field.min(), path.key("min"));
			add(columns, field.max(), path.key("max"));
		}
	}

	private static void items(List<ColumnReference> columns, ListField field, YamlPath path) {
		if (field != null) {
			add(columns, field.column(), path.key("column"));
			list(columns, field.columns(), path.key("columns"));
		}
	}

	private static void list(List<ColumnReference> columns, List<String> names, YamlPath path) {
		if (names != null) {
			for (int i = 0; i < names.size(); i++) {
				add(columns, names.get(i), path.index(i));
			}
		}
	}

	private static void add(List<ColumnReference> columns, String column, YamlPath path) {
		if (column != null) {
			columns.add(new ColumnReference(column, path));
		}
	}

	/** A column the mapping reads, and the key that names it. */
	record ColumnReference(String column, YamlPath path) {
	}

}
