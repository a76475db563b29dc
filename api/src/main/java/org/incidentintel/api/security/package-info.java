/**
 * Who is calling: bearer credentials (API tokens, and JWTs when an OAuth2 issuer is
 * configured) checked by Spring Security, the caller each GraphQL request carries in its
 * context, and the rules that mutations need an editor and queries, when so configured, a
 * token.
 */
package org.incidentintel.api.security;
