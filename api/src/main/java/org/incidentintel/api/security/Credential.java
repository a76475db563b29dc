package org.incidentintel.api.security;

/**
 * What the bearer credential of a request came to: a caller, the reason it was refused,
 * or that it could not be checked (the database holding the tokens is down). Kept as a
 * request attribute by {@link BearerCredentialFilter}.
 *
 * @param caller the authenticated caller, when accepted
 * @param refusal why the credential was refused, when it was
 * @param unchecked whether the credential could not be checked
 */
record Credential(Caller caller, String refusal, boolean unchecked) {

	static final String ATTRIBUTE = Credential.class.getName();

	static Credential accepted(Caller caller) {
		return new Credential(caller, null, false);
	}

	static Credential refused(String refusal) {
		return new Credential(null, refusal, false);
	}

	static Credential uncheckable() {
		return new Credential(null, null, true);
	}

}
