/**
 * Mapping files: declarative YAML that turns a new CSV, XLSX or JSON source into
 * normalized records without code.
 */
package org.incidentintel.etl.mapping;
