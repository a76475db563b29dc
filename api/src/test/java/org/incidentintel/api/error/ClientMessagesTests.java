package org.incidentintel.api.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** graphql-java's messages, as it wrote them, rewritten for clients. */
class ClientMessagesTests {

	@Test
	void aStringOfTheWrongTypeIsQuotedAsWritten() {
		assertThat(ClientMessages.sanitize("Validation error (WrongType@[incidents]) : argument 'first' with value "
				+ "'StringValue{value='garbage'}' is not a valid 'Int' - Expected an AST type of 'IntValue' but it was "
				+ "a 'StringValue'"))
			.isEqualTo("Validation error (WrongType@[incidents]) : argument 'first' with value '\"garbage\"' is not a "
					+ "valid 'Int' - expected an Int, got a String");
	}

	@Test
	void anObjectIsAbbreviatedWhateverItHolds() {
		assertThat(ClientMessages.sanitize("Validation error (WrongType@[incidents]) : argument 'filter.killed' with "
				+ "value 'ObjectValue{objectFields=[ObjectField{name='killed', value=StringValue{value='x}{'}}]}' must "
				+ "be an object type"))
			.isEqualTo("Validation error (WrongType@[incidents]) : argument 'filter.killed' with value '{…}' must be "
					+ "an object type");
	}

	@Test
	void anEnumValueIsItsName() {
		assertThat(ClientMessages.sanitize("argument 'groupBy[0]' with value 'EnumValue{name='FOO'}' is not a valid "
				+ "'IncidentDimension' - Literal value not in allowable values for enum 'IncidentDimension' - "
				+ "'EnumValue{name='FOO'}'"))
			.isEqualTo("argument 'groupBy[0]' with value 'FOO' is not a valid 'IncidentDimension' - Literal value not "
					+ "in allowable values for enum 'IncidentDimension' - 'FOO'");
	}

	@Test
	void aLongValueIsQuotedByItsPrefixAndLength() {
		String message = ClientMessages.sanitize("argument 'first' with value 'StringValue{value='"
				+ "a".repeat(1_000_000) + "'}' is not a valid 'Int'");

		assertThat(message).isEqualTo(
				"argument 'first' with value '\"" + "a".repeat(40) + "… (1000000 characters)\"' is not a valid 'Int'");
	}

	@Test
	void parserJargonGoes() {
		assertThat(ClientMessages
			.sanitize("Invalid syntax with ANTLR error 'token recognition error at: '\"'' at line 1 " + "column 27"))
			.isEqualTo("Invalid syntax: 'token recognition error at: '\"'' at line 1 column 27");
		assertThat(ClientMessages.sanitize("Invalid syntax with offending token '{' at line 1 column 14"))
			.isEqualTo("Invalid syntax: unexpected '{' at line 1 column 14");
	}

	@Test
	void anyOtherLongQuotationIsShortened() {
		assertThat(ClientMessages
			.sanitize("Invalid input for enum 'IncidentDimension'. No value found for name '" + "Q".repeat(500) + "'"))
			.isEqualTo("Invalid input for enum 'IncidentDimension'. No value found for name '" + "Q".repeat(40)
					+ "… (500 characters)'");
	}

}
