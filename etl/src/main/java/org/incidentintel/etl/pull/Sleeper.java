package org.incidentintel.etl.pull;

import java.time.Duration;

/**
 * Waits between attempts; a test passes one that records the waits instead.
 */
@FunctionalInterface
public interface Sleeper {

	/** The real thing. */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
