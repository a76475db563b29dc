package org.incidentintel.etl.pull;

/**
 * The UCDP API did not give a page: refused, kept failing, or answered with something
 * that is not a page. The message names the URL and what happened.
 */
public class UcdpApiException extends RuntimeException {

	UcdpApiException(String message) {
		super(message);
	}

	UcdpApiException(String message, Throwable cause) {
		super(message, cause);
	}

}
