import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code ./mvnw -Pquickstart} runs once it has built the jars: loads the reference
 * data and the bundled samples into the embedded H2 file {@code ./data/incidentintel}
 * (unless it already holds a completed load of both samples), then starts the API with
 * GraphiQL on http://localhost:8080/graphiql, in its {@code quickstart} profile (pages
 * served from http://localhost or http://127.0.0.1, any port, may call it). A single-file
 * Java program (Java 17 runs it from source), so it needs nothing but the JDK.
 *
 * <pre>
 * java docs/quickstart/Quickstart.java [project directory]
 * </pre>
 */
public class Quickstart {

	private static final String UCDP = "etl/src/main/resources/samples/ucdp-ged/conflict_data_pak.csv";

	private static final String BODY_COUNT = "etl/src/main/resources/samples/pakistan-body-count/"
			+ "PakistanSuicideAttacks Ver 11 (30-November-2017).csv";

	/** The datasets the two samples load, as the ETL names them. */
	private static final Set<String> SAMPLE_DATASETS = Set.of("ucdp-ged", "pakistan-body-count");

	public static void main(String[] args) throws Exception {
		Path root = Path.of((args.length > 0) ? args[0] : ".").toAbsolutePath().normalize();
		Path etl = root.resolve("etl/target/incidentintel-etl.jar");
		Path api = root.resolve("api/target/incidentintel-api.jar");
		for (Path jar : List.of(etl, api)) {
			if (!Files.isRegularFile(jar)) {
				fail(jar + " is missing: run ./mvnw -Pquickstart, which builds it first");
			}
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String database = System.getenv("INCIDENTINTEL_DB_URL");
		Set<String> loaded = loadedDatasets(root, java, etl);
		if (loaded.containsAll(SAMPLE_DATASETS)) {
			say("The database already holds the samples (" + String.join(", ", loaded) + "): not loading them again. "
					+ "Delete ./data to start afresh.");
		}
		else {
			say("Loading the reference data and the bundled samples into "
					+ ((database != null) ? database : "./data/incidentintel") + " (about a minute, once)");
			run(root, java, "-jar", etl.toString(), "reference");
			run(root, java, "-jar", etl.toString(), "ingest", "--file", UCDP);
			run(root, java, "-jar", etl.toString(), "ingest", "--file", BODY_COUNT);
		}
		say("Starting the API: GraphiQL on http://localhost:" + port() + "/graphiql, GraphQL on http://localhost:"
				+ port() + "/graphql (Ctrl-C stops it)");
		// The quickstart profile lets a frontend on a local dev server (any localhost port) call
		// the API from the browser (api/src/main/resources/application-quickstart.yml)
		Process server = new ProcessBuilder(java, "-jar", api.toString(), "--spring.profiles.include=quickstart")
			.directory(root.toFile())
			.inheritIO()
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
		System.exit(server.waitFor());
	}

	/**
	 * The datasets with a completed run, from the ETL's {@code runs --json}; none when the
	 * database file does not exist yet.
	 */
	private static Set<String> loadedDatasets(Path root, String java, Path etl) throws IOException, InterruptedException {
		Set<String> datasets = new TreeSet<>();
		String dataDir = System.getenv().getOrDefault("INCIDENTINTEL_DATA_DIR", "./data");
		if (System.getenv("INCIDENTINTEL_DB_URL") == null
				&& !Files.exists(root.resolve(dataDir).resolve("incidentintel.mv.db"))) {
			return datasets;
		}
		Process runs = new ProcessBuilder(java, "-jar", etl.toString(), "runs", "--json", "--limit", "1000")
			.directory(root.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String json = new String(runs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (runs.waitFor() != 0) {
			fail("java -jar etl/target/incidentintel-etl.jar runs failed; see above");
		}
		// One object per run: {"run":1,"status":"COMPLETED","dataset":"ucdp-ged",...}
		for (String run : json.split("\\},\\s*\\{")) {
			if (run.contains("\"status\":\"COMPLETED\"")) {
				int start = run.indexOf("\"dataset\":\"");
				if (start >= 0) {
					start += "\"dataset\":\"".length();
					datasets.add(run.substring(start, run.indexOf('"', start)));
				}
			}
		}
		return datasets;
	}

	private static void run(Path root, String... command) throws IOException, InterruptedException {
		List<String> shown = new ArrayList<>(List.of(command));
		shown.set(0, "java");
		say("$ " + String.join(" ", shown));
		int exit = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
		if (exit != 0) {
			fail("the command above failed (exit code " + exit + "); fix the cause and run ./mvnw -Pquickstart again");
		}
	}

	private static String port() {
		return System.getenv().getOrDefault("PORT", "8080");
	}

	private static void say(String message) {
		System.out.println("[quickstart] " + message);
		System.out.flush();
	}

	private static void fail(String message) {
		System.err.println("[quickstart] " + message);
		System.exit(1);
	}

}
