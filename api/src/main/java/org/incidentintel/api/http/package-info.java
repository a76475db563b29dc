/**
 * GraphQL over HTTP beyond Spring for GraphQL's POST: queries over GET with caching
 * headers ({@code Cache-Control}, an {@code ETag} that follows the data, {@code 304}),
 * and requests that name their document by its hash alone.
 */
package org.incidentintel.api.http;
