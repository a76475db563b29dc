package org.incidentintel.api.persisted;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Persisted documents ({@code incidentintel.api.persisted-documents.*}).
 *
 * @param mode {@code automatic}: any document runs, and a client may name one it sent
 * before (or one of the manifest) by its SHA-256 alone; {@code allow-list}: only the
 * documents of the manifest run
 * @param cacheSize how many documents sent with their hash the API keeps (the least
 * recently used go first); the manifest's are kept besides
 * @param manifest the documents registered at build time, as graphql-codegen's client
 * preset writes them ({@code persisted-documents.json}: {@code {"<sha256>":
 * "<document>"}})
 */
@ConfigurationProperties("incidentintel.api.persisted-documents")
public record PersistedDocumentsProperties(@DefaultValue("automatic") Mode mode, @DefaultValue("1000") int cacheSize,
		@DefaultValue("classpath:persisted-documents.json") Resource manifest) {

	/** Which documents run. */
	public enum Mode {

		/** Any document; one sent before, or of the manifest, also by its hash alone. */
		AUTOMATIC,
		/** Only the manifest's documents. */
		ALLOW_LIST

	}

}
