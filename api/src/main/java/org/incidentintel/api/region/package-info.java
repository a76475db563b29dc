/**
 * Administrative regions with their historical names: {@code regions} and the batch
 * loader other features use for their edges to regions.
 */
package org.incidentintel.api.region;
