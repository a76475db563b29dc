package org.incidentintel.api.persisted;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the {@link PersistedDocuments} to graphql-java. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersistedDocumentsProperties.class)
class PersistedDocumentsConfiguration {

	@Bean
	PersistedDocuments persistedDocuments(PersistedDocumentsProperties properties) {
		return PersistedDocuments.of(properties);
	}

	@Bean
	GraphQlSourceBuilderCustomizer persistedDocumentsProvider(PersistedDocuments documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

}
