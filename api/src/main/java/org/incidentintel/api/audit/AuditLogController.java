package org.incidentintel.api.audit;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;
import org.incidentintel.api.security.Access;
import org.incidentintel.domain.security.Role;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code auditLog} and the fields of {@code AuditEntry}; editors only.
 */
@Controller
class AuditLogController {

	static final String TYPE = "AuditEntry";

	private final AuditEntries entries;

	private final ApiProperties properties;

	AuditLogController(AuditEntries entries, ApiProperties properties) {
		this.entries = entries;
		this.properties = properties;
	}

	@QueryMapping
	Connection<AuditEntryView> auditLog(@Argument AuditLogFilter filter, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		Access.require(environment, Role.EDITOR, "the audit log");
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		AuditLogFilter given = (filter != null) ? filter : AuditLogFilter.NONE;
		if (given.from() != null && given.to() != null && given.from().isAfter(given.to())) {
			throw ApiException.badInput("the range ends (" + given.to() + ") before it starts (" + given.from() + ")",
					"filter", "to");
		}
		String target = null;
		if (given.target() != null) {
			GlobalId id;
			try {
				id = GlobalId.decode(given.target(), "filter");
			}
			catch (ApiException ex) {
				throw ApiException.badInput(ex.getMessage(), "filter", "target");
			}
			target = id.type() + ":" + id.id();
		}
		Long beforeId = null;
		if (after != null) {
			try {
				beforeId = Long.parseLong(Cursor.decode(after, 1, "after").get(0));
			}
			catch (NumberFormatException ex) {
				throw ApiException.badInput("'" + after + "' is not a cursor of this list", "after");
			}
		}
		List<AuditEntryView> rows = this.entries.findPage(given, target, beforeId, page.size() + 1);
		return Connection.of(rows, page, (entry) -> Cursor.encode(List.of(Long.toString(entry.id()))),
				this.entries.count(given, target));
	}

	@SchemaMapping(typeName = TYPE)
	String id(AuditEntryView entry) {
		return GlobalId.of(TYPE, entry.id());
	}

	@SchemaMapping(typeName = TYPE)
	List<String> targets(AuditEntryView entry) {
		return entry.targetKeys().stream().map((key) -> {
			int colon = key.lastIndexOf(':');
			return GlobalId.of(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)));
		}).toList();
	}

}
