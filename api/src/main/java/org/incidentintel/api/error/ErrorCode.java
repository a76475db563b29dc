package org.incidentintel.api.error;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;

/**
 * The documented catalog of error codes, sent as {@code extensions.code} of every GraphQL
 * error (see docs/graphql-cookbook.md).
 */
public enum ErrorCode {

	/**
	 * An argument is invalid: a malformed id or cursor, an inverted range, an unknown
	 * name.
	 */
	BAD_USER_INPUT,
	/**
	 * Nothing has the given id, or nothing goes by the given name (then
	 * {@code extensions.suggestions} lists what comes closest).
	 */
	NOT_FOUND,
	/**
	 * The request asks for too much: a page over the cap, too deep, too many aliases, too
	 * big, or more than the client's rate limit budget left (then
	 * {@code extensions.retryAfterSeconds} says when to retry).
	 */
	LIMIT_EXCEEDED,
	/** The request took longer than the configured timeout. */
	TIMEOUT,
	/**
	 * No credential was sent for an operation that needs one (a mutation, the audit log,
	 * any query when queries require a token), or the credential sent is unknown,
	 * revoked, malformed or an invalid JWT (then whatever the request asks).
	 */
	UNAUTHENTICATED,
	/** The credential's role does not allow this operation (a reader's on a mutation). */
	FORBIDDEN,
	/** The database cannot be reached right now; retry later. */
	UNAVAILABLE,
	/**
	 * A request named a persisted query by its {@code sha256Hash} alone, and the API does
	 * not hold it (yet): send it again with its document (Apollo and urql clients do so
	 * by themselves). The message is {@code PersistedQueryNotFound}, as those clients
	 * expect.
	 */
	PERSISTED_QUERY_NOT_FOUND,
	/**
	 * The API runs only the documents of its allow-list (persisted documents mode
	 * {@code allow-list}), and this document is not among them.
	 */
	DOCUMENT_NOT_ALLOWED,
	/** Anything else; details are in the server log, never in the response. */
	INTERNAL;

	/**
	 * The code of an error: its {@code extensions.code}, or else the code of
	 * graphql-java's classification of it (an error graphql-java raised itself).
	 * @param error a GraphQL error
	 * @return its code
	 */
	public static ErrorCode of(GraphQLError error) {
		Object code = (error.getExtensions() != null) ? error.getExtensions().get("code") : null;
		if (code != null) {
			for (ErrorCode candidate : values()) {
				if (candidate.name().equals(code.toString())) {
					return candidate;
				}
			}
		}
		return of(error.getErrorType());
	}

	static ErrorCode of(ErrorClassification classification) {
		if (classification == ErrorType.InvalidSyntax || classification == ErrorType.ValidationError
				|| classification == ErrorType.OperationNotSupported) {
			return BAD_USER_INPUT;
		}
		if (classification == ErrorType.ExecutionAborted
				|| (classification != null && "BadFaithIntrospection".equals(classification.toString()))) {
			return LIMIT_EXCEEDED;
		}
		return INTERNAL;
	}

}
