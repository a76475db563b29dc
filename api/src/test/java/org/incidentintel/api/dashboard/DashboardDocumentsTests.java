package org.incidentintel.api.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL document of the dashboard (static/dashboard/documents.js) is one named
 * operation, valid against the server's schema as exported to docs/schema.graphqls, so a
 * schema change that would break the page fails here, without a browser. A subscription
 * is checked once the schema has a subscription type.
 */
class DashboardDocumentsTests {

	private static final Path SCHEMA = Path.of("..", "docs", "schema.graphqls");

	@Test
	void everyDocumentIsOneNamedOperationValidAgainstTheSchema() throws IOException {
		GraphQLSchema schema = UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(SCHEMA)));
		Map<String, String> documents = DashboardDocuments.read();
		assertThat(documents).containsKeys("HEADLINE", "INCIDENTS", "INCIDENT", "REPORTS", "INCIDENTS_CHANGED");

		for (Map.Entry<String, String> exported : documents.entrySet()) {
			Document document = Parser.parse(exported.getValue());
			List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
			assertThat(operations).as(exported.getKey()).hasSize(1);
			OperationDefinition operation = operations.get(0);
			assertThat(operation.getName()).as(exported.getKey()).startsWith("Dashboard");
			if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
					&& schema.getSubscriptionType() == null) {
				continue;
			}
			List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
			assertThat(errors).as(exported.getKey()).isEmpty();
		}
		assertThat(documents.values()
			.stream()
			.map((document) -> Parser.parse(document).getDefinitionsOfType(OperationDefinition.class).get(0).getName()))
			.doesNotHaveDuplicates();
	}

}
