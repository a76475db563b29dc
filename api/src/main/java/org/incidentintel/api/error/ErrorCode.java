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
	/** Nothing has the given id. */
	NOT_FOUND,
	/**
	 * The request asks for too much: a page over the cap, too deep, too many aliases, too
	 * big.
	 */
	LIMIT_EXCEEDED,
	/** The request took longer than the configured timeout. */
	TIMEOUT,
	/** No valid credential was sent for an operation that needs one. */
	UNAUTHENTICATED,
	/** The credential does not allow this operation. */
	FORBIDDEN,
	/** The database cannot be reached right now; retry later. */
	UNAVAILABLE,
	/** Anything else; details are in the server log, never in the response. */
	INTERNAL

}
