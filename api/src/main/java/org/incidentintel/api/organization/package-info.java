/**
 * Organizations with their aliases, and the documents they publish: {@code organization},
 * {@code organizations} and the batch loaders other features use for their edges to
 * organizations.
 */
package org.incidentintel.api.organization;
