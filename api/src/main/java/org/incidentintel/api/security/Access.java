package org.incidentintel.api.security;

import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.domain.security.Role;

/**
 * Checks that a caller holds a role: {@code UNAUTHENTICATED} without a credential,
 * {@code FORBIDDEN} with a credential of a lesser role.
 */
public final class Access {

	private Access() {
	}

	/**
	 * For a field only some callers may see ({@code auditLog}).
	 * @param what what is guarded, for the message ("the audit log")
	 * @throws ApiException ({@code UNAUTHENTICATED} or {@code FORBIDDEN})
	 */
	public static Caller require(DataFetchingEnvironment environment, Role role, String what) {
		Caller caller = Caller.of(environment);
		ErrorCode refusal = refusal(caller, role);
		if (refusal != null) {
			throw new ApiException(refusal, message(caller, role, what));
		}
		return caller;
	}

	static ErrorCode refusal(Caller caller, Role role) {
		if (caller.isAnonymous()) {
			return ErrorCode.UNAUTHENTICATED;
		}
		return caller.has(role) ? null : ErrorCode.FORBIDDEN;
	}

	static String message(Caller caller, Role role, String what) {
		String needed = "an " + role.label() + "'s credential";
		if (role == Role.READER) {
			needed = "a " + role.label() + "'s credential";
		}
		if (caller.isAnonymous()) {
			return capitalized(what) + " needs " + needed + ": send the header 'Authorization: Bearer <token>'.";
		}
		return "The " + ((caller.kind() == Caller.Kind.TOKEN) ? "token '" : "JWT of '") + caller.name() + "' is a "
				+ caller.role().label() + "'s; " + what + " needs " + needed + ".";
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
