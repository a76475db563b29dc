package org.incidentintel.domain.source;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Cited documents, by reference key.
 */
public interface SourceDocumentRepository extends JpaRepository<SourceDocument, Long> {

	Optional<SourceDocument> findByKey(String key);

}
