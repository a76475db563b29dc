package org.incidentintel.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the API ({@code incidentintel.api.*}), safe by default. A request over a
 * limit is refused before it reaches the database, with a GraphQL error whose
 * {@code extensions.code} is {@code LIMIT_EXCEEDED} (or {@code TIMEOUT}); see the limits
 * table of docs/graphql-cookbook.md.
 *
 * @param maxPageSize the most items {@code first} or {@code last} may ask for
 * @param maxDepth the deepest nesting of selections, fragments expanded (the operation's
 * root fields are at depth 1)
 * @param maxAliases the most aliases a document may hold
 * @param maxRootFields the most root fields an operation may select, fragments expanded
 * @param maxDocumentLength the longest document, in characters, checked before parsing
 * @param maxRequestSize the largest request body, checked before it is read
 * @param maxStringLength the longest string a variable or a literal of the document may
 * hold (fields may set a lower bound of their own, stated in the schema)
 * @param maxTokens the most grammar tokens the parser reads before giving up
 * @param maxCost the cost budget of an operation: every field costs 1, and the fields
 * under a connection count once per item of the page it asks for ({@code first} or
 * {@code last}, 20 when left out)
 * @param requestTimeout how long a request may run; then it is answered with a
 * {@code TIMEOUT} error and its remaining fields are not fetched
 */
@ConfigurationProperties("incidentintel.api")
public record ApiProperties(@DefaultValue("100") int maxPageSize, @DefaultValue("15") int maxDepth,
		@DefaultValue("100") int maxAliases, @DefaultValue("30") int maxRootFields,
		@DefaultValue("100000") int maxDocumentLength, @DefaultValue("512KB") DataSize maxRequestSize,
		@DefaultValue("10000") int maxStringLength, @DefaultValue("15000") int maxTokens,
		@DefaultValue("10000") int maxCost, @DefaultValue("10s") Duration requestTimeout) {

}
