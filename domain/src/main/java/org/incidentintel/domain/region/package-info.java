/**
 * Administrative regions with their historical names, and the time-aware region resolver.
 */
package org.incidentintel.domain.region;
