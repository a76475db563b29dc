package org.incidentintel.api.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the source documents that dialogues and reports cite, for many owners in one
 * statement.
 */
@Repository
public class SourceDocuments {

	private final NamedParameterJdbcTemplate jdbc;

	public SourceDocuments(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The documents cited by each owner, ordered by publication date and title.
	 * @param linkTable the table linking owners to documents (a constant of the caller,
	 * never user input)
	 * @param ownerColumn its column holding the owner id
	 * @param ownerIds the owners
	 * @return the documents of each owner; owners without documents are absent
	 */
	public Map<Long, List<SourceDocument>> findByOwners(String linkTable, String ownerColumn,
			Collection<Long> ownerIds) {
		Map<Long, List<SourceDocument>> result = new LinkedHashMap<>();
		if (ownerIds.isEmpty()) {
			return result;
		}
		String sql = "select l." + ownerColumn + " as owner_id, d.id, d.ref_key, d.kind, d.title, d.publisher_id, "
				+ "d.author, d.published_on, d.published_precision, d.url from " + linkTable
				+ " l join source_document d on d.id = l.source_document_id where l." + ownerColumn
				+ " in (:ids) order by l." + ownerColumn + ", d.published_on, d.title, d.id";
		this.jdbc.query(sql, Map.of("ids", ownerIds), (rs) -> {
			SourceDocument document = new SourceDocument(rs.getLong("id"), rs.getString("ref_key"),
					rs.getString("kind"), rs.getString("title"), rs.getObject("publisher_id", Long.class),
					rs.getString("author"), rs.getObject("published_on", LocalDate.class),
					rs.getString("published_precision"), rs.getString("url"));
			result.computeIfAbsent(rs.getLong("owner_id"), (id) -> new ArrayList<>()).add(document);
		});
		return result;
	}

}
