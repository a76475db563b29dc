package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.incidentintel.domain.reference.ReferenceData;
import org.incidentintel.domain.reference.ReferenceDataException;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.reference.ReferenceLoadSummary;

import org.springframework.context.ApplicationContext;

/**
 * {@code reference}: loads the reference data (organizations and aliases, regions,
 * dialogues, reports, documents).
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
		description = {
				"Validates and loads reference data: organizations with their aliases, regions with their "
						+ "history, dialogues, security reports and source documents.",
				"Loading the same files twice changes nothing; aliases added by curators are kept." })
class ReferenceCommand implements EtlTask {

	@Option(names = "--dir", paramLabel = "DIR",
			description = "A directory with organizations.yaml, regions.yaml, documents.yaml, dialogues.yaml and "
					+ "reports.yaml (default: the bundled reference data)")
	Path directory;

	/** The files, read and validated by {@link #check()}. */
	private ReferenceData data;

	@Override
	public void check(PrintWriter err) {
		if (this.directory != null && !Files.isDirectory(this.directory)) {
			throw new CommandException("no such directory: " + this.directory);
		}
		// invalid files are answered before the application starts
		try {
			ReferenceDataReader reader = new ReferenceDataReader();
			this.data = (this.directory != null) ? reader.read(this.directory) : reader.readClasspath();
		}
		catch (ReferenceDataException ex) {
			throw new CommandException(ex.getMessage());
		}
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
		ReferenceLoadSummary summary = context.getBean(ReferenceDataLoader.class).load(this.data);
		out.println("reference data loaded: " + summary);
		return ExitCodes.DONE;
	}

}
