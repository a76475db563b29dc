/** The ETL application: Spring Batch jobs and the data engineers' command line. */
package org.incidentintel.etl;
