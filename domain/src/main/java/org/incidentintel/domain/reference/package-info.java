/** Versioned reference data files: reading, validation and loading into the database. */
package org.incidentintel.domain.reference;
