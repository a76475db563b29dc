package org.incidentintel.api.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's GraphQL documents (static/dashboard/documents.js), by the name each is
 * exported under, as the page sends them.
 */
public final class DashboardDocuments {

	private static final Path DOCUMENTS = Path.of("src", "main", "resources", "static", "dashboard", "documents.js");

	private static final Pattern EXPORTED = Pattern.compile("^export const (\\w+) = `([^`]+)`;", Pattern.MULTILINE);

	private DashboardDocuments() {
	}

	/**
	 * @return each document by its exported name, in the module's order
	 * @throws IOException if the module cannot be read
	 */
	public static Map<String, String> read() throws IOException {
		Matcher matcher = EXPORTED.matcher(Files.readString(DOCUMENTS));
		Map<String, String> documents = new LinkedHashMap<>();
		while (matcher.find()) {
			documents.put(matcher.group(1), matcher.group(2));
		}
		return documents;
	}

}
