package org.incidentintel.api.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;
import org.incidentintel.domain.common.NameSearch;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code organization}, {@code organizations} and the fields of {@code Organization}.
 */
@Controller
class OrganizationController {

	static final String TYPE = Organizations.TYPE;

	private static final String SEARCH_CURSOR = "rank";

	// The GraphQL context's entry holding the hits of the request's searches
	private static final String MATCHES = OrganizationController.class.getName() + ".matches";

	private final Organizations organizations;

	private final ApiProperties properties;

	OrganizationController(Organizations organizations, ApiProperties properties) {
		this.organizations = organizations;
		this.properties = properties;
	}

	@QueryMapping
	Organization organization(@Argument String id, @Argument String name) {
		if ((id == null) == (name == null)) {
			throw ApiException.badInput("give exactly one of id and name", (id == null) ? "id" : "name");
		}
		if (id != null) {
			return this.organizations.findSurvivorById(GlobalId.decode(id, TYPE, "id")).orElse(null);
		}
		return this.organizations.findByNameLoosely(name, "name");
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument OrganizationFilter filter, @Argument Integer first,
			@Argument String after, @Argument String search, DataFetchingEnvironment environment) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		OrganizationFilter given = (filter != null) ? filter : OrganizationFilter.NONE;
		if (search != null) {
			return search(search, given, page, environment.getGraphQlContext());
		}
		return list(given, page, after);
	}

	private Connection<Organization> list(OrganizationFilter given, PageArguments page, String after) {
		String afterName = null;
		Long afterId = null;
		if (after != null) {
			List<String> values = Cursor.decode(after, 2, "after");
			afterName = values.get(0);
			afterId = parseId(values.get(1), after);
		}
		List<Organization> rows = this.organizations.findPage(given, afterName, afterId, page.size() + 1);
		return Connection.of(rows, page, OrganizationController::cursor, this.organizations.count(given));
	}

	// The candidates in rank order; a cursor holds the rank, so paging is stable as long
	// as the names do not change
	private Connection<Organization> search(String search, OrganizationFilter filter, PageArguments page,
			GraphQLContext context) {
		String text = checkedSearch(search);
		int offset = 0;
		if (page.after() != null) {
			List<String> values = Cursor.decode(page.after(), 2, "after");
			if (!SEARCH_CURSOR.equals(values.get(0))) {
				throw ApiException.badInput("'" + page.after() + "' is not a cursor of this search", "after");
			}
			offset = (int) parseId(values.get(1), page.after()) + 1;
		}
		List<NameSearch.Hit<Organization>> hits = this.organizations.search(text, filter);
		Map<Organization, NameSearch.Hit<Organization>> hitOf = new IdentityHashMap<>();
		Map<Organization, Integer> ranks = new IdentityHashMap<>();
		List<Organization> rows = new ArrayList<>();
		for (int rank = offset; rank < hits.size() && rows.size() <= page.size(); rank++) {
			Organization organization = hits.get(rank).target();
			hitOf.put(organization, hits.get(rank));
			ranks.put(organization, rank);
			rows.add(organization);
		}
		Connection<Organization> connection = Connection.of(rows, page,
				(organization) -> Cursor.encode(List.of(SEARCH_CURSOR, Integer.toString(ranks.get(organization)))),
				hits.size());
		Map<Object, NameSearch.Hit<?>> matches = matches(context);
		connection.edges().forEach((edge) -> matches.put(edge, hitOf.get(edge.node())));
		return connection;
	}

	/**
	 * The hits of this request's searches, by (identical) edge: an edge of a search says
	 * how it matched, every other edge says nothing.
	 */
	private static Map<Object, NameSearch.Hit<?>> matches(GraphQLContext context) {
		return context.computeIfAbsent(MATCHES, (key) -> Collections.synchronizedMap(new IdentityHashMap<>()));
	}

	/**
	 * The search text, checked: not blank and at most {@link NameSearch#MAX_TEXT_LENGTH}
	 * characters.
	 */
	static String checkedSearch(String search) {
		if (search.isBlank()) {
			throw ApiException.badInput("search must not be blank", "search");
		}
		if (search.length() > NameSearch.MAX_TEXT_LENGTH) {
			throw ApiException.badInput("search is " + search.length() + " characters long; at most "
					+ NameSearch.MAX_TEXT_LENGTH + " are taken", "search");
		}
		return search;
	}

	/**
	 * How the organization of a search edge matched; {@code null} outside a search.
	 */
	@SchemaMapping(typeName = "OrganizationEdge")
	NameSearch.Hit<?> match(Connection.Edge<Organization> edge, DataFetchingEnvironment environment) {
		return matches(environment.getGraphQlContext()).get(edge);
	}

	private static String cursor(Organization organization) {
		return Cursor.encode(List.of(organization.name(), Long.toString(organization.id())));
	}

	private static long parseId(String value, String cursor) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badInput("'" + cursor + "' is not a cursor of this list", "after");
		}
	}

	@SchemaMapping
	String id(Organization organization) {
		return GlobalId.of(TYPE, organization.id());
	}

	@BatchMapping
	Map<Organization, List<OrganizationAlias>> aliases(List<Organization> organizations) {
		Map<Long, List<OrganizationAlias>> aliases = this.organizations
			.aliasesOf(organizations.stream().map(Organization::id).distinct().toList());
		return organizations.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					(organization) -> aliases.getOrDefault(organization.id(), List.of())));
	}

	@BatchMapping
	Map<Organization, Organization> parent(List<Organization> organizations) {
		Map<Long, Organization> parents = this.organizations
			.findByIds(organizations.stream().map(Organization::parentId).filter(Objects::nonNull).distinct().toList());
		return organizations.stream()
			.filter((organization) -> organization.parentId() != null && parents.containsKey(organization.parentId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (organization) -> parents.get(organization.parentId())));
	}

}
