/**
 * How the connection pool treats the database's failures; shared by the API and the ETL.
 */
package org.incidentintel.domain.database;
