/** The command line for data engineers: ingest, reference, runs, rejects, restart. */
package org.incidentintel.etl.cli;
