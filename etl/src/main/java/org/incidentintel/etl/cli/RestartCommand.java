package org.incidentintel.etl.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.etl.load.IngestOutcome;
import org.incidentintel.etl.load.IngestService;

import org.springframework.context.ApplicationContext;

/**
 * {@code restart}: continues a failed or killed run from its last committed chunk.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = {
				"Continues a run that failed or was killed (even with kill -9) after its last committed chunk: "
						+ "no row is lost or loaded twice.",
				"Only one process may work on a run: do not restart a run that is still running elsewhere." })
class RestartCommand implements EtlTask {

	@Option(names = "--run", required = true, paramLabel = "N", description = "The ingest run to continue")
	long run;

	@Option(names = "--json", description = "Print the summary as JSON")
	boolean json;

	@Override
	public Long requiredRun() {
		return this.run;
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception {
		err.printf("restarting run %d...%n", this.run);
		IngestOutcome outcome = context.getBean(IngestService.class).restart(this.run);
		out.println(this.json ? JsonMapper.builder().build().writeValueAsString(IngestCommand.json(outcome))
				: Summaries.outcome(outcome));
		H2FileCompaction.afterLoad(context, outcome, out, err);
		return outcome.completed() ? ExitCodes.DONE : ExitCodes.JOB_FAILED;
	}

}
