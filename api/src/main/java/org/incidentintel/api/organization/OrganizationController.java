package org.incidentintel.api.organization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;

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
		return this.organizations.findByName(name, "name").orElse(null);
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument OrganizationFilter filter, @Argument Integer first,
			@Argument String after) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		OrganizationFilter given = (filter != null) ? filter : OrganizationFilter.NONE;
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
