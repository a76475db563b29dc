package org.incidentintel.etl.load;

import java.util.List;

import org.incidentintel.etl.load.LoadOutcome.Accepted;

/**
 * Writes a chunk's new records, each with an incident of its own (its perpetrators,
 * attack types and targets), its actors, and its place on the list of records the next
 * deduplication pass starts from, in the chunk's transaction.
 */
interface NewRecords {

	/** Inserts the rows (records none of whose source record ids is in the database). */
	void insert(List<Accepted> rows);

}
