package org.incidentintel.etl.load;

/**
 * Names of the ingest job's parameters. {@code run} identifies the job instance: every
 * load is a new run, and a restart continues the same run.
 */
public final class IngestParameters {

	/** The ingest run id (identifying). */
	public static final String RUN = "run";

	/** Absolute path of the source file. */
	public static final String FILE = "file";

	/**
	 * A built-in format name, or {@code mapping:} followed by a mapping file path or
	 * bundled name.
	 */
	public static final String FORMAT = "format";

	/** Optional ISO 3166 alpha-3 country filter. */
	public static final String COUNTRY = "country";

	/** Optional encoding override. */
	public static final String ENCODING = "encoding";

	/** Optional dataset version, stored on every record (e.g. UCDP GED {@code 24.1}). */
	public static final String VERSION = "version";

	/** Prefix of {@link #FORMAT} values naming a mapping file. */
	public static final String MAPPING_PREFIX = "mapping:";

	private IngestParameters() {
	}

}
