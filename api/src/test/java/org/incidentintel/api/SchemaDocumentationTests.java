package org.incidentintel.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphqlTypeComparatorEnvironment;
import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

/**
 * The schema as the running server builds it: exported to {@code docs/schema.graphqls}
 * and described everywhere. Built here as Spring Boot builds it (the schema files, the
 * connection types, the application's scalars) without an application context; that the
 * controllers map every field is checked by every application context's start-up
 * ({@link GraphQlConfiguration#failOnUnmapped}, tested below).
 */
class SchemaDocumentationTests {

	/**
	 * The exported schema, from the {@code api} module (the tests' working directory).
	 */
	private static final Path EXPORTED = Path.of("..", "docs", "schema.graphqls");

	private static final String REGENERATE = "./mvnw -pl api test -Dtest=SchemaDocumentationTests "
			+ "-Dschema.update=true";

	private static final String SCHEMA_FILES = "classpath*:graphql/**/*.graphqls";

	private final GraphQLSchema schema = schemaOfTheServer();

	@Test
	void docsHoldTheSchemaOfTheRunningServer() throws IOException {
		String printed = print(this.schema);
		if (Boolean.getBoolean("schema.update")) {
			Files.writeString(EXPORTED, printed, StandardCharsets.UTF_8);
		}
		String exported = Files.exists(EXPORTED) ? Files.readString(EXPORTED, StandardCharsets.UTF_8) : "";
		if (!printed.equals(exported)) {
			fail(EXPORTED.normalize() + " differs from the schema the server runs (or is missing); regenerate it with "
					+ REGENERATE + " and commit it. The first difference is at line "
					+ firstDifferentLine(printed, exported) + ".");
		}
	}

	@Test
	void everyTypeFieldArgumentInputFieldAndEnumValueIsDescribed() {
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : this.schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__")
					|| (type instanceof GraphQLScalarType scalar && ScalarInfo.isGraphqlSpecifiedScalar(scalar))) {
				continue;
			}
			check(undescribed, type.getName(), type.getDescription());
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					String coordinates = type.getName() + "." + field.getName();
					check(undescribed, coordinates, field.getDescription());
					for (GraphQLArgument argument : field.getArguments()) {
						check(undescribed, coordinates + "(" + argument.getName() + ":)", argument.getDescription());
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					check(undescribed, type.getName() + "." + field.getName(), field.getDescription());
				}
			}
			if (type instanceof GraphQLEnumType enumType) {
				for (GraphQLEnumValueDefinition value : enumType.getValues()) {
					check(undescribed, type.getName() + "." + value.getName(), value.getDescription());
				}
			}
		}
		assertThat(undescribed).as("schema elements without a description").isEmpty();
	}

	@Test
	void anUnmappedFieldFailsTheStartUp() {
		GraphQlSource.Builder<?> builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource("type Query { answer: Int }".getBytes(StandardCharsets.UTF_8)))
			.inspectSchemaMappings(GraphQlConfiguration::failOnUnmapped);

		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessageContaining("The schema and the controllers do not match")
			.withMessageContaining("Unmapped fields: {Query=[answer]}");
	}

	/**
	 * The schema from the files Spring Boot reads by default, with the connection types
	 * it adds and the scalars the application wires.
	 */
	static GraphQLSchema schemaOfTheServer() {
		try {
			return GraphQlSource.schemaResourceBuilder()
				.schemaResources(new PathMatchingResourcePatternResolver().getResources(SCHEMA_FILES))
				.configureTypeDefinitions(new ConnectionTypeDefinitionConfigurer())
				.configureRuntimeWiring(new GraphQlConfiguration().scalars())
				.build()
				.schema();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The SDL with descriptions, without the directives every GraphQL server has; types
	 * in alphabetical order, their fields, arguments and values in the order of the
	 * schema files.
	 */
	static String print(GraphQLSchema schema) {
		GraphqlTypeComparatorRegistry typesByName = new GraphqlTypeComparatorRegistry() {

			@Override
			public <T extends GraphQLSchemaElement> Comparator<? super T> getComparator(
					GraphqlTypeComparatorEnvironment environment) {
				Class<?> element = environment.getElementType();
				return (element == null || GraphQLNamedType.class.isAssignableFrom(element))
						? BY_NAME_REGISTRY.getComparator(environment) : AS_IS_REGISTRY.getComparator(environment);
			}

		};
		SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
			.setComparators(typesByName)
			.includeScalarTypes(true)
			.includeSchemaDefinition(false)
			.includeDirectiveDefinition((name) -> !DirectiveInfo.isGraphqlSpecifiedDirective(name))
			.includeIntrospectionTypes(false));
		return printer.print(schema).strip() + "\n";
	}

	private static void check(List<String> undescribed, String coordinates, String description) {
		if (description == null || description.isBlank()) {
			undescribed.add(coordinates);
		}
	}

	private static int firstDifferentLine(String printed, String exported) {
		String[] a = printed.split("\n", -1);
		String[] b = exported.split("\n", -1);
		int line = 0;
		while (line < a.length && line < b.length && a[line].equals(b[line])) {
			line++;
		}
		return line + 1;
	}

}
