package org.incidentintel.api.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.persisted.PersistedDocumentsProperties.Mode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * Finds the document of a request, parsed and validated once for all the requests that
 * send it by its hash ({@code extensions.persistedQuery.sha256Hash}, Apollo's automatic
 * persisted queries, version 1):
 * <ul>
 * <li>a hash and a document: the hash must be the document's SHA-256 (else
 * {@code BAD_USER_INPUT}); the document is kept for later requests (at most
 * {@code cache-size}, the least recently used dropped first);</li>
 * <li>a hash alone: the document kept for it, or the manifest's; else
 * {@code PERSISTED_QUERY_NOT_FOUND} with the message {@code PersistedQueryNotFound}, on
 * which Apollo and urql clients send the document with its hash;</li>
 * <li>in {@code allow-list} mode only the manifest's documents run, named by their hash
 * or sent whole; any other is {@code DOCUMENT_NOT_ALLOWED}.</li>
 * </ul>
 * A request without a hash is parsed and validated as usual, once:
 * {@link ParsedDocuments} keeps the documents that passed. A limit that refuses the
 * document while it is parsed or validated (the limits package aborts the execution) is
 * answered as the document's errors, so that the request ends as any refused one does
 * (graphql-java would otherwise leave its observation, and so its metrics, unfinished).
 */
public class PersistedDocuments implements PreparsedDocumentProvider {

	/**
	 * The {@code query} of a request that sends only a hash: Spring for GraphQL needs
	 * one.
	 */
	public static final String HASH_ONLY = "PersistedQueryMarker";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Mode mode;

	private final Map<String, String> manifest;

	private final Map<String, PreparsedDocumentEntry> parsedManifest = new ConcurrentHashMap<>();

	private final Map<String, Kept> kept;

	// Documents sent whole, without a hash, parsed and validated once
	private final ParsedDocuments parsed = new ParsedDocuments();

	PersistedDocuments(Mode mode, int cacheSize, Map<String, String> manifest) {
		this.mode = mode;
		this.manifest = Map.copyOf(manifest);
		this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
				return size() > cacheSize;
			}

		});
	}

	static PersistedDocuments of(PersistedDocumentsProperties properties) {
		return new PersistedDocuments(properties.mode(), properties.cacheSize(),
				manifest(properties.manifest(), properties.mode() == Mode.ALLOW_LIST));
	}

	/**
	 * Reads a manifest, checking that every key is the SHA-256 of its document.
	 * @param resource the manifest
	 * @param required whether a missing manifest is an error (allow-list mode)
	 * @return the documents by their hash
	 */
	static Map<String, String> manifest(Resource resource, boolean required) {
		if (!resource.exists()) {
			if (required) {
				throw new IllegalStateException("The persisted documents manifest " + resource.getDescription()
						+ " does not exist; the allow-list mode needs one "
						+ "(incidentintel.api.persisted-documents.manifest)");
			}
			return Map.of();
		}
		Map<String, String> documents;
		try (InputStream input = resource.getInputStream()) {
			documents = JSON.readValue(input, new TypeReference<Map<String, String>>() {
			});
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The persisted documents manifest " + resource.getDescription()
					+ " is not a JSON object of documents by their SHA-256: " + ex.getMessage(), ex);
		}
		documents.forEach((hash, document) -> {
			if (!sha256(document).equalsIgnoreCase(hash)) {
				throw new IllegalStateException("The persisted documents manifest " + resource.getDescription()
						+ ": the key " + hash + " is not the SHA-256 of its document (" + sha256(document) + ")");
			}
		});
		Map<String, String> byLowerCaseHash = new LinkedHashMap<>();
		documents.forEach((hash, document) -> byLowerCaseHash.put(hash.toLowerCase(Locale.ROOT), document));
		return byLowerCaseHash;
	}

	/** The SHA-256 of a document, in lower-case hexadecimal, as clients compute it. */
	public static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The document a hash names, if the API holds it (the GET handler checks what it is
	 * before running it).
	 * @param hash a SHA-256
	 * @return its document, if known
	 */
	public Optional<String> document(String hash) {
		String key = hash.toLowerCase(Locale.ROOT);
		String document = this.manifest.get(key);
		if (document == null && this.mode == Mode.AUTOMATIC) {
			Kept known = this.kept.get(key);
			document = (known != null) ? known.document() : null;
		}
		return Optional.ofNullable(document);
	}

	/**
	 * The hash a request names its document by.
	 * @param extensions the request's extensions
	 * @return {@code extensions.persistedQuery.sha256Hash}, or {@code null}
	 */
	public static String hashOf(Map<String, Object> extensions) {
		if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return hash.toLowerCase(Locale.ROOT);
		}
		return null;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateOrAbort) {
		Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (document) -> {
			try {
				return parseAndValidateOrAbort.apply(document);
			}
			catch (AbortExecutionException refused) {
				return new PreparsedDocumentEntry(
						refused.getUnderlyingErrors().isEmpty() ? List.of(refused) : refused.getUnderlyingErrors());
			}
		};
		String hash = hashOf(input.getExtensions());
		String sent = (input.getQuery() == null || input.getQuery().isBlank() || HASH_ONLY.equals(input.getQuery()))
				? null : input.getQuery();
		return CompletableFuture.completedFuture((this.mode == Mode.ALLOW_LIST)
				? allowListed((hash != null) ? hash : (sent != null) ? sha256(sent) : "", input, parseAndValidate)
				: automatic(hash, sent, input, parseAndValidate));
	}

	private PreparsedDocumentEntry automatic(String hash, String sent, ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (hash == null) {
			return this.parsed.get(input, parseAndValidate);
		}
		if (sent != null && !sha256(sent).equals(hash)) {
			return error(ErrorCode.BAD_USER_INPUT, ErrorType.ValidationError,
					"extensions.persistedQuery.sha256Hash is not the SHA-256 of the document sent with it ("
							+ sha256(sent) + ").");
		}
		if (this.manifest.containsKey(hash)) {
			return manifestEntry(hash, input, parseAndValidate);
		}
		if (sent == null) {
			Kept known = this.kept.get(hash);
			return (known != null) ? known.entry() : error(ErrorCode.PERSISTED_QUERY_NOT_FOUND,
					ErrorClassification.errorClassification("PersistedQueryNotFound"), "PersistedQueryNotFound");
		}
		Kept known = this.kept.get(hash);
		if (known != null) {
			return known.entry();
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.kept.put(hash, new Kept(sent, entry));
		}
		return entry;
	}

	private PreparsedDocumentEntry allowListed(String hash, ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (!this.manifest.containsKey(hash)) {
			return error(ErrorCode.DOCUMENT_NOT_ALLOWED, ErrorClassification.errorClassification("DocumentNotAllowed"),
					"Only the documents of the allow-list run here (persisted documents mode allow-list), "
							+ "and this one is not among them.");
		}
		return manifestEntry(hash, input, parseAndValidate);
	}

	private PreparsedDocumentEntry manifestEntry(String hash, ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry parsed = this.parsedManifest.get(hash);
		if (parsed != null) {
			return parsed;
		}
		String document = this.manifest.get(hash);
		PreparsedDocumentEntry entry = parseAndValidate.apply(input.transform((builder) -> builder.query(document)));
		if (!entry.hasErrors()) {
			this.parsedManifest.put(hash, entry);
		}
		return entry;
	}

	private static PreparsedDocumentEntry error(ErrorCode code, ErrorClassification classification, String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(classification)
			.extensions(Map.of("code", code.name()))
			.build());
	}

	/** A document sent with its hash, and its parsed and validated form. */
	private record Kept(String document, PreparsedDocumentEntry entry) {
	}

}
