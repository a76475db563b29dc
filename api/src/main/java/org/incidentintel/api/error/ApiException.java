package org.incidentintel.api.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error meant for the client: a code from the catalog, a message, and the argument
 * path at fault (e.g. {@code ["filter", "killed", "min"]}) when one is, and any further
 * entries of {@code extensions} (e.g. the {@code suggestions} of a name not found).
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<Object> argumentPath;

	private final Map<String, Object> extensions;

	public ApiException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public ApiException(ErrorCode code, String message, List<Object> argumentPath) {
		this(code, message, argumentPath, Map.of());
	}

	public ApiException(ErrorCode code, String message, List<Object> argumentPath, Map<String, Object> extensions) {
		super(message);
		this.code = code;
		this.argumentPath = List.copyOf(argumentPath);
		this.extensions = new LinkedHashMap<>(extensions);
	}

	public static ApiException badInput(String message, Object... argumentPath) {
		return new ApiException(ErrorCode.BAD_USER_INPUT, message, List.of(argumentPath));
	}

	public static ApiException limitExceeded(String message, Object... argumentPath) {
		return new ApiException(ErrorCode.LIMIT_EXCEEDED, message, List.of(argumentPath));
	}

	/**
	 * Nothing answers to the argument; the extensions say more (e.g. what comes close).
	 */
	public static ApiException notFound(String message, Map<String, Object> extensions, Object... argumentPath) {
		return new ApiException(ErrorCode.NOT_FOUND, message, List.of(argumentPath), extensions);
	}

	public ErrorCode code() {
		return this.code;
	}

	public List<Object> argumentPath() {
		return this.argumentPath;
	}

	/**
	 * Further entries of the error's {@code extensions}, beside the code and the path.
	 */
	public Map<String, Object> extensions() {
		return this.extensions;
	}

}
