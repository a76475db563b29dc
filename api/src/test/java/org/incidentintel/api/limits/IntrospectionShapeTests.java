package org.incidentintel.api.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection the tools send passes {@link IntrospectionShape}; the shapes that
 * make an answer explode do not.
 */
class IntrospectionShapeTests {

	/** Under {@code introspection/}: GraphiQL's, codegen's, Apollo's and hand-written. */
	@ParameterizedTest
	@ValueSource(strings = { "graphql-js", "apollo-kotlin-probe", "hand-written-roots", "hand-written-type" })
	void theQueriesToolsAndPeopleSendPass(String name) throws IOException {
		String document = new ClassPathResource("introspection/" + name + ".graphql")
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(refusal(document)).isNull();
		assertThat(QueryShape.of(Parser.parse(document)).depth()).isLessThanOrEqualTo(15);
	}

	@Test
	void graphQlJavasOwnIntrospectionQueryPasses() {
		assertThat(refusal(IntrospectionQuery.INTROSPECTION_QUERY)).isNull();
	}

	@Test
	void listsOfTypesNestedInEachOtherAreRefused() {
		assertThat(refusal("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"))
			.startsWith("The introspection query asks for fields inside fields");
		assertThat(refusal("{ __type(name: \"Incident\") { interfaces { possibleTypes { name } } } }"))
			.startsWith("The introspection query asks for possibleTypes inside interfaces");
		// Through a fragment as well
		assertThat(refusal("{ __schema { types { ...T } } } fragment T on __Type { fields { type { ...U } } } "
				+ "fragment U on __Type { inputFields { name } }"))
			.startsWith("The introspection query asks for inputFields inside fields");
	}

	@Test
	void theWholeSchemaIsAskedForOnce() {
		assertThat(refusal("{ a: __schema { types { name } } b: __schema { types { name } } }"))
			.isEqualTo("The introspection query asks for __schema 2 times; at most once per operation.");
		assertThat(refusal("{ __schema { a: types { name } b: types { name } } }"))
			.isEqualTo("The introspection query asks for __schema.types 2 times; at most once per operation.");
	}

	@Test
	void aFanOutOfRepeatedListsIsRefused() {
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i <= IntrospectionShape.MAX_REPEATS; i++) {
			aliases.append("f").append(i).append(": fields { name } ");
		}
		assertThat(refusal("{ __schema { types { " + aliases + "} } }"))
			.isEqualTo("The introspection query asks for fields 11 times; at most 10 times per operation.");
		assertThat(refusal("{ " + "t: __type(name: \"Incident\") { name } ".repeat(11) + "}"))
			.isEqualTo("The introspection query asks for __type 11 times; at most 10 times per operation.");
	}

	@Test
	void otherQueriesAreNotIntrospection() {
		assertThat(refusal("{ incidents { edges { node { perpetrators { organization { name } } } } } }")).isNull();
	}

	private static String refusal(String document) {
		return IntrospectionShape.refusal(Parser.parse(document));
	}

}
