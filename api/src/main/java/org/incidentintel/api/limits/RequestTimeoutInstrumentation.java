package org.incidentintel.api.limits;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The request timeout ({@code request-timeout}): when a request has run that long,
 * graphql-java is asked to cancel it (it fetches no further field) and the answer is a
 * single {@code TIMEOUT} error. A statement already running in the database goes on until
 * it ends or the JDBC query timeout ({@code spring.jdbc.template.query-timeout}, the same
 * duration by default) cancels it.
 */
class RequestTimeoutInstrumentation extends SimplePerformantInstrumentation {

	private final Duration timeout;

	RequestTimeoutInstrumentation(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Deadline(parameters.getExecutionInput(), this.timeout));
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (state instanceof Deadline deadline && deadline.passed()) {
			return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
				.addError(LimitErrors.timeout("The request took longer than " + describe(this.timeout)
						+ " and was stopped: ask for fewer items or fields, or narrow the filter."))
				.build());
		}
		return CompletableFuture.completedFuture(result);
	}

	static String describe(Duration duration) {
		return (duration.toMillisPart() == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/** Cancels one execution when its time is up. */
	private static final class Deadline implements InstrumentationState {

		private final Disposable timer;

		private volatile boolean passed;

		Deadline(ExecutionInput input, Duration timeout) {
			this.timer = Schedulers.parallel().schedule(() -> {
				this.passed = true;
				input.cancel();
			}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Whether the time ran out; stops the timer. */
		boolean passed() {
			this.timer.dispose();
			return this.passed;
		}

	}

}
