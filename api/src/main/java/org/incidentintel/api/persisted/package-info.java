/**
 * Persisted documents: Apollo-style automatic persisted queries (a document named by its
 * SHA-256) and the allow-list mode, where only the documents of a build-time manifest
 * run.
 */
package org.incidentintel.api.persisted;
