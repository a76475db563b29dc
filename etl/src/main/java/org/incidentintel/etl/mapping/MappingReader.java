package org.incidentintel.etl.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses a mapping file in three passes, so that every problem is found before any row is
 * read: the YAML itself (with line marks), its shape against the {@link Mapping} records
 * (unknown keys, lists where text belongs, unknown enum values), then what the values
 * mean ({@link MappingValidator}).
 */
final class MappingReader {

	// Our own walk reports every unknown key with a suggestion, not only the first
	private static final ObjectMapper MAPPER = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private MappingReader() {
	}

	static MappingFile read(String text, String fileName) {
		Problems problems = new Problems(fileName);
		Optional<Node> document = compose(text, problems);
		if (document.isEmpty()) {
			throw problems.exception();
		}
		YamlLines lines = new YamlLines(document.get());
		problems.lines(lines);
		JsonNode root;
		try {
			root = MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			problems.add(line, YamlPath.ROOT, "is not valid YAML: " + ex.getOriginalMessage());
			throw problems.exception();
		}
		if (root == null || !root.isObject()) {
			problems.add(YamlPath.ROOT, "expected a mapping with the keys " + keys(Mapping.class));
			throw problems.exception();
		}
		checkShape(root, Mapping.class, YamlPath.ROOT, problems);
		if (problems.any()) {
			throw problems.exception();
		}
		Mapping mapping;
		try {
			mapping = MAPPER.treeToValue(root, Mapping.class);
		}
		catch (JacksonException ex) {
			// The shape check should have caught it; report it rather than fail obscurely
			problems.add(path(ex), ex.getOriginalMessage());
			throw problems.exception();
		}
		new MappingValidator(mapping, lines, problems).validate();
		if (problems.any()) {
			throw problems.exception();
		}
		return new MappingFile(fileName, mapping, lines);
	}

	private static Optional<Node> compose(String text, Problems problems) {
		try {
			Optional<Node> document = new Compose(LoadSettings.builder().setLabel(problems.file()).build())
				.composeString(text);
			if (document.isEmpty()) {
				problems.add(0, YamlPath.ROOT, "is empty; expected at least mapping:, dataset: and fields:");
			}
			return document;
		}
		catch (MarkedYamlEngineException ex) {
			int line = ex.getProblemMark().map((mark) -> mark.getLine() + 1).orElse(0);
			problems.add(line, YamlPath.ROOT, "is not valid YAML: " + ex.getProblem());
		}
		catch (YamlEngineException ex) {
			problems.add(0, YamlPath.ROOT, "is not valid YAML: " + ex.getMessage());
		}
		return Optional.empty();
	}

	/**
	 * Walks the tree against the record types: reports every unknown key (with the
	 * closest known one), mappings or lists where a value belongs, and enum values that
	 * do not exist. A single value is accepted where a list is expected.
	 */
	private static void checkShape(JsonNode node, Type type, YamlPath path, Problems problems) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		Class<?> raw = rawClass(type);
		if (raw.isRecord()) {
			if (!node.isObject()) {
				problems.add(path, "expected a mapping with the keys " + keys(raw) + " but found " + describe(node));
				return;
			}
			Map<String, RecordComponent> components = components(raw);
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				RecordComponent component = components.get(property.getKey());
				YamlPath propertyPath = path.key(property.getKey());
				if (component == null) {
					problems.add(propertyPath, unknownKey(property.getKey(), components.keySet()));
				}
				else {
					checkShape(property.getValue(), component.getGenericType(), propertyPath, problems);
				}
			}
		}
		else if (List.class.isAssignableFrom(raw)) {
			Type element = typeArgument(type, 0);
			if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					checkShape(node.get(i), element, path.index(i), problems);
				}
			}
			else {
				checkShape(node, element, path, problems);
			}
		}
		else if (Map.class.isAssignableFrom(raw)) {
			if (!node.isObject()) {
				problems.add(path, "expected a mapping of cell value to replacement but found " + describe(node));
				return;
			}
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				checkShape(property.getValue(), typeArgument(type, 1), path.key(property.getKey()), problems);
			}
		}
		else if (raw.isEnum()) {
			String names = Arrays.stream(raw.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			if (!node.isValueNode()) {
				problems.add(path, "expected one of " + names + " but found " + describe(node));
			}
			else if (Arrays.stream(raw.getEnumConstants())
				.noneMatch((constant) -> ((Enum<?>) constant).name().equalsIgnoreCase(node.asString().strip()))) {
				problems.add(path, "\"" + node.asString() + "\" is not one of " + names + " (any case)");
			}
		}
		else if (raw == Boolean.class) {
			if (!node.isBoolean()) {
				problems.add(path, "expected true or false but found " + describe(node));
			}
		}
		else if (raw == Integer.class) {
			if (!node.isIntegralNumber() || !node.canConvertToInt()) {
				problems.add(path, "expected a whole number but found " + describe(node));
			}
		}
		else if (node.isContainer()) {
			problems.add(path, "expected text but found " + describe(node));
		}
	}

	/** Record components by their YAML key ({@code default} for {@code defaultValue}). */
	private static Map<String, RecordComponent> components(Class<?> record) {
		Map<String, RecordComponent> components = new LinkedHashMap<>();
		for (RecordComponent component : record.getRecordComponents()) {
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			components.put((property != null) ? property.value() : component.getName(), component);
		}
		return components;
	}

	private static String keys(Class<?> record) {
		return String.join(", ", components(record).keySet());
	}

	private static String unknownKey(String key, Collection<String> known) {
		String closest = null;
		int best = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
			if (distance < best) {
				best = distance;
				closest = candidate;
			}
		}
		String suggestion = (closest != null && best <= Math.max(2, key.length() / 3))
				? " did you mean \"" + closest + "\"?" : "";
		return "unknown key \"" + key + "\";" + suggestion + " known keys here: " + String.join(", ", known);
	}

	/** Levenshtein distance: small keys, so the plain algorithm will do. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Type typeArgument(Type type, int index) {
		return (type instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[index]
				: Object.class;
	}

	private static Class<?> rawClass(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (type instanceof Class<?> rawType) ? rawType : Object.class;
	}

	private static String describe(JsonNode node) {
		if (node.isObject()) {
			return "a mapping";
		}
		if (node.isArray()) {
			return "a list";
		}
		if (node.isBoolean()) {
			return node.asString();
		}
		if (node.isNumber()) {
			return "the number " + node.asString();
		}
		return "\"" + node.asString() + "\"";
	}

	private static YamlPath path(JacksonException ex) {
		YamlPath path = YamlPath.ROOT;
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path = path.key(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path = path.index(reference.getIndex());
			}
		}
		return path;
	}

}
