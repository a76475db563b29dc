package org.incidentintel.domain.reference;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates the reference data files ({@code organizations.yaml},
 * {@code regions.yaml}, {@code documents.yaml}, {@code dialogues.yaml},
 * {@code reports.yaml}) from a directory or from the copies bundled under
 * {@code reference/} on the classpath.
 * <p>
 * Every problem found is collected, each with file, line and field path, and thrown
 * together in one {@link ReferenceDataException}. Entries are bound one at a time so that
 * a bad entry hides no problem in its neighbours.
 */
public class ReferenceDataReader {

	/** Where the bundled reference data lives on the classpath. */
	public static final String CLASSPATH_DIRECTORY = "reference/";

	static final String ORGANIZATIONS = "organizations.yaml";

	static final String REGIONS = "regions.yaml";

	static final String DOCUMENTS = "documents.yaml";

	static final String DIALOGUES = "dialogues.yaml";

	static final String REPORTS = "reports.yaml";

	// Our own walk over the tree reports all unknown properties, not only the first
	private final ObjectMapper mapper = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Read the reference data files of a directory.
	 * @param directory the directory holding the five files
	 * @return the validated reference data
	 * @throws ReferenceDataException listing every problem found
	 */
	public ReferenceData read(Path directory) {
		return read((file) -> {
			Path path = directory.resolve(file);
			return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
		});
	}

	/**
	 * Read the reference data bundled with the domain module.
	 * @return the validated reference data
	 * @throws ReferenceDataException listing every problem found
	 */
	public ReferenceData readClasspath() {
		ClassLoader classLoader = ReferenceDataReader.class.getClassLoader();
		return read((file) -> {
			try (InputStream input = classLoader.getResourceAsStream(CLASSPATH_DIRECTORY + file)) {
				return (input != null) ? new String(input.readAllBytes(), StandardCharsets.UTF_8) : null;
			}
		});
	}

	private ReferenceData read(Source source) {
		List<ReferenceDataProblem> problems = new ArrayList<>();
		ReferenceFile<OrganizationEntry> organizations = parse(source, ORGANIZATIONS, "organizations",
				OrganizationEntry.class, problems);
		ReferenceFile<RegionEntry> regions = parse(source, REGIONS, "regions", RegionEntry.class, problems);
		ReferenceFile<SourceDocumentEntry> documents = parse(source, DOCUMENTS, "documents", SourceDocumentEntry.class,
				problems);
		ReferenceFile<DialogueEntry> dialogues = parse(source, DIALOGUES, "dialogues", DialogueEntry.class, problems);
		ReferenceFile<ReportEntry> reports = parse(source, REPORTS, "reports", ReportEntry.class, problems);
		new ReferenceDataValidator(organizations, regions, documents, dialogues, reports).validate();
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(ReferenceDataProblem::file)
				.thenComparingInt(ReferenceDataProblem::line)
				.thenComparing(ReferenceDataProblem::path));
			throw new ReferenceDataException(problems);
		}
		return new ReferenceData(organizations.entries(), regions.entries(), documents.entries(), dialogues.entries(),
				reports.entries());
	}

	private <T> ReferenceFile<T> parse(Source source, String fileName, String listKey, Class<T> type,
			List<ReferenceDataProblem> problems) {
		ReferenceFile<T> file = new ReferenceFile<>(fileName, listKey, problems);
		String text;
		try {
			text = source.read(fileName);
		}
		catch (IOException ex) {
			file.problem(0, "", "cannot be read: " + ex.getMessage());
			return file;
		}
		if (text == null) {
			file.problem(0, "", "is missing");
			return file;
		}
		Optional<Node> document = compose(file, text);
		if (document.isEmpty()) {
			return file;
		}
		file.lines(new YamlLines(document.get()));
		JsonNode root;
		try {
			root = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			file.problem(line, "", "is not valid YAML: " + ex.getOriginalMessage());
			return file;
		}
		JsonNode list = topLevelList(file, root);
		for (int i = 0; i < list.size(); i++) {
			JsonNode raw = list.get(i);
			String path = file.path(i);
			reportUnknownProperties(file, raw, type, path);
			try {
				file.add(raw, this.mapper.treeToValue(raw, type));
			}
			catch (JacksonException ex) {
				file.add(raw, null);
				describe(file, path, ex);
			}
		}
		return file;
	}

	private Optional<Node> compose(ReferenceFile<?> file, String text) {
		try {
			Optional<Node> document = new Compose(LoadSettings.builder().setLabel(file.name()).build())
				.composeString(text);
			if (document.isEmpty()) {
				file.problem(0, "", "is empty; expected a top-level \"" + file.listKey() + ":\" list");
			}
			return document;
		}
		catch (MarkedYamlEngineException ex) {
			int line = ex.getProblemMark().map((mark) -> mark.getLine() + 1).orElse(0);
			file.problem(line, "", "is not valid YAML: " + ex.getProblem());
		}
		catch (YamlEngineException ex) {
			file.problem(0, "", "is not valid YAML: " + ex.getMessage());
		}
		return Optional.empty();
	}

	private JsonNode topLevelList(ReferenceFile<?> file, JsonNode root) {
		JsonNode empty = this.mapper.createArrayNode();
		if (root == null || !root.isObject()) {
			file.problem(1, "", "expected a mapping with a top-level \"" + file.listKey() + ":\" list");
			return empty;
		}
		for (String property : root.propertyNames()) {
			if (!property.equals(file.listKey())) {
				file.problem(property, "unknown property; expected only \"" + file.listKey() + "\"");
			}
		}
		JsonNode list = root.get(file.listKey());
		if (list == null) {
			file.problem(1, "", "missing the top-level \"" + file.listKey() + ":\" list");
			return empty;
		}
		if (list.isNull()) {
			return empty;
		}
		if (!list.isArray()) {
			file.problem(file.listKey(), "expected a list");
			return empty;
		}
		return list;
	}

	private void reportUnknownProperties(ReferenceFile<?> file, JsonNode node, Type type, String path) {
		Class<?> rawType = rawClass(type);
		if (rawType.isRecord() && node.isObject()) {
			Map<String, Type> components = Arrays.stream(rawType.getRecordComponents())
				.collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String propertyPath = path + "." + property.getKey();
				Type componentType = components.get(property.getKey());
				if (componentType == null) {
					file.problem(propertyPath,
							"unknown property; known are " + Arrays.stream(rawType.getRecordComponents())
								.map(RecordComponent::getName)
								.collect(Collectors.joining(", ")));
				}
				else {
					reportUnknownProperties(file, property.getValue(), componentType, propertyPath);
				}
			}
		}
		else if (List.class.isAssignableFrom(rawType) && node.isArray() && type instanceof ParameterizedType list) {
			for (int i = 0; i < node.size(); i++) {
				reportUnknownProperties(file, node.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
			}
		}
	}

	private static Class<?> rawClass(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (type instanceof Class<?> rawType) ? rawType : Object.class;
	}

	private void describe(ReferenceFile<?> file, String entryPath, JacksonException ex) {
		StringBuilder path = new StringBuilder(entryPath);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		InvalidFieldException invalidField = findCause(ex, InvalidFieldException.class);
		if (invalidField != null) {
			String fieldPath = path + "." + invalidField.field();
			file.problem(fieldPath, invalidField.problem());
		}
		else if (ex instanceof InvalidFormatException invalidFormat) {
			file.problem(path.toString(), invalidValue(invalidFormat.getValue(), invalidFormat.getTargetType()));
		}
		else if (ex instanceof MismatchedInputException mismatch) {
			file.problem(path.toString(), "expected " + describe(mismatch.getTargetType()) + " but found "
					+ describe(mismatch.getCurrentToken()));
		}
		else {
			file.problem(path.toString(), ex.getOriginalMessage());
		}
	}

	private static String invalidValue(Object value, Class<?> targetType) {
		String quoted = "\"" + value + "\"";
		if (targetType != null && targetType.isEnum()) {
			return quoted + " is not one of " + Arrays.toString(targetType.getEnumConstants());
		}
		return quoted + " is not " + describe(targetType);
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type == LocalDate.class) {
			return "a date (yyyy-mm-dd)";
		}
		if (type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (type == BigDecimal.class) {
			return "a number";
		}
		if (type == String.class) {
			return "text";
		}
		if (List.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		return type.isRecord() ? "a mapping" : "a " + type.getSimpleName();
	}

	private static String describe(JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_OBJECT -> "a mapping";
			case START_ARRAY -> "a list";
			case VALUE_STRING -> "text";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "true/false";
			case VALUE_NULL -> "nothing";
			default -> token.name();
		};
	}

	private static <E extends Throwable> E findCause(Throwable ex, Class<E> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@FunctionalInterface
	private interface Source {

		/** Return the file's text, or {@code null} if there is no such file. */
		String read(String file) throws IOException;

	}

}
