package org.incidentintel.api.error;

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
	/** Anything else; details are in the server log, never in the response. */
	INTERNAL

}
