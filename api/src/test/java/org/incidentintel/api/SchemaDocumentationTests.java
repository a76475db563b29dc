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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

/**
 * The schema as the running server builds it: exported to {@code docs/schema.graphqls},
 * described everywhere, and mapped to controllers everywhere (the start-up of this test's
 * context fails otherwise).
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:schema-documentation;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
class SchemaDocumentationTests {

	/**
	 * The exported schema, from the {@code api} module (the tests' working directory).
	 */
	private static final Path EXPORTED = Path.of("..", "docs", "schema.graphqls");

	private static final String REGENERATE = "./mvnw -pl api test -Dtest=SchemaDocumentationTests "
			+ "-Dschema.update=true";

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void docsHoldTheSchemaOfTheRunningServer() throws IOException {
		String printed = print(this.graphQlSource.schema());
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
		for (GraphQLNamedType type : this.graphQlSource.schema().getAllTypesAsList()) {
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
