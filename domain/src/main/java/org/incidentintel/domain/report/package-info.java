/** Published security reports and their aggregate figures. */
package org.incidentintel.domain.report;
