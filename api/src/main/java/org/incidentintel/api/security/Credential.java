package org.incidentintel.api.security;

/**
 * What the bearer credential of a request came to: a caller, or the reason it was
 * refused. Kept as a request attribute by {@link BearerCredentialFilter}.
 *
 * @param caller the authenticated caller, when accepted
 * @param refusal why the credential was refused, when it was
 */
record Credential(Caller caller, String refusal) {

	static final String ATTRIBUTE = Credential.class.getName();

	static Credential accepted(Caller caller) {
		return new Credential(caller, null);
	}

	static Credential refused(String refusal) {
		return new Credential(null, refusal);
	}

}
