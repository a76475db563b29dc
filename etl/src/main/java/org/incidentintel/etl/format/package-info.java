/**
 * Source formats: how each kind of file's rows become normalized records, or rejects with
 * a reason.
 */
package org.incidentintel.etl.format;
