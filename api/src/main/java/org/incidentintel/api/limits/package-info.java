/**
 * Limits that refuse hostile requests before they reach the database: document length and
 * parser tokens, depth, aliases, root fields, a cost budget weighted by page sizes, and a
 * request timeout (see {@link org.incidentintel.api.ApiProperties}).
 */
package org.incidentintel.api.limits;
