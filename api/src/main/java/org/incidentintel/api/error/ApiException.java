package org.incidentintel.api.error;

import java.util.List;

/**
 * An error meant for the client: a code from the catalog, a message, and the argument
 * path at fault (e.g. {@code ["filter", "killed", "min"]}) when one is.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<Object> argumentPath;

	public ApiException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public ApiException(ErrorCode code, String message, List<Object> argumentPath) {
		super(message);
		this.code = code;
		this.argumentPath = List.copyOf(argumentPath);
	}

	public static ApiException badInput(String message, Object... argumentPath) {
		return new ApiException(ErrorCode.BAD_USER_INPUT, message, List.of(argumentPath));
	}

	public static ApiException limitExceeded(String message, Object... argumentPath) {
		return new ApiException(ErrorCode.LIMIT_EXCEEDED, message, List.of(argumentPath));
	}

	public ErrorCode code() {
		return this.code;
	}

	public List<Object> argumentPath() {
		return this.argumentPath;
	}

}
