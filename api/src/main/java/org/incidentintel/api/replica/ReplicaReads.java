package org.incidentintel.api.replica;

import java.util.function.Supplier;

/**
 * Marks the work of this thread that may read from the read replica: the data fetchers
 * and batch loaders of a GraphQL query, and the reads whose answer must match theirs (the
 * data version of a GET's ETag, of {@code incidentsChanged}). Without a replica
 * configured the mark changes nothing.
 * <p>
 * A query's mark travels in its {@code GraphQLContext} under {@link #KEY}: Spring for
 * GraphQL restores it around every data fetcher and batch loader, on whichever thread it
 * runs ({@link ReplicaReadsAccessor}, Micrometer's context propagation).
 */
public final class ReplicaReads {

	/**
	 * The key of the mark, in a {@code GraphQLContext} and among thread-local accessors.
	 */
	public static final String KEY = ReplicaReads.class.getName();

	private static final ThreadLocal<Boolean> MARK = new ThreadLocal<>();

	private ReplicaReads() {
	}

	/**
	 * Runs reads that may be served by the replica.
	 * @param reads the reads
	 * @return what they returned
	 */
	public static <T> T read(Supplier<T> reads) {
		Boolean previous = MARK.get();
		MARK.set(Boolean.TRUE);
		try {
			return reads.get();
		}
		finally {
			set(previous);
		}
	}

	/** Whether this thread runs reads that may be served by the replica. */
	static boolean active() {
		return Boolean.TRUE.equals(MARK.get());
	}

	static Boolean get() {
		return MARK.get();
	}

	static void set(Boolean mark) {
		if (mark == null) {
			MARK.remove();
		}
		else {
			MARK.set(mark);
		}
	}

}
