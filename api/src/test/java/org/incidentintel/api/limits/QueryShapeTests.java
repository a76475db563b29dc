package org.incidentintel.api.limits;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures documents before validation: depth, fields and root fields with fragments
 * expanded, aliases as written.
 */
class QueryShapeTests {

	@Test
	void measuresASimpleQuery() {
		assertThat(shape("{ a { b c { d } } e: a { b } }")).isEqualTo(new QueryShape(3, 6, 2, 1));
	}

	@Test
	void expandsFragmentsAndInlineFragments() {
		QueryShape shape = shape("""
				query { a { ...F } ...R }
				fragment F on A { b { c } ... on A { d } }
				fragment R on Query { x y: z }
				""");

		assertThat(shape).isEqualTo(new QueryShape(3, 6, 3, 1));
	}

	@Test
	void aFragmentBombIsMeasuredWithoutExpandingIt() {
		StringBuilder document = new StringBuilder("{ root { ...F0 } }\n");
		for (int i = 0; i < 70; i++) {
			document.append("fragment F")
				.append(i)
				.append(" on T { ...F")
				.append(i + 1)
				.append(" ...F")
				.append(i + 1)
				.append(" }\n");
		}
		document.append("fragment F70 on T { id }\n");

		QueryShape shape = shape(document.toString());

		assertThat(shape.depth()).isEqualTo(2);
		assertThat(shape.rootFields()).isEqualTo(1);
		assertThat(shape.fields()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void cyclicFragmentsEndTheMeasure() {
		assertThat(shape("{ a { ...F } } fragment F on A { b { ...F } }")).isEqualTo(new QueryShape(2, 2, 1, 0));
	}

	@Test
	void theDeepestOperationCounts() {
		assertThat(shape("query a { x } query b { x { y { z } } }").depth()).isEqualTo(3);
	}

	private static QueryShape shape(String document) {
		return QueryShape.of(Parser.parse(document));
	}

}
