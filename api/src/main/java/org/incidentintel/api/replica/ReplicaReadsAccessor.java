package org.incidentintel.api.replica;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries the {@link ReplicaReads} mark of a GraphQL query to the threads that fetch its
 * data. Registered through {@code META-INF/services}, so that the global
 * {@code ContextRegistry} Spring for GraphQL uses knows it.
 */
public final class ReplicaReadsAccessor implements ThreadLocalAccessor<Boolean> {

	@Override
	public Object key() {
		return ReplicaReads.KEY;
	}

	@Override
	public Boolean getValue() {
		return ReplicaReads.get();
	}

	@Override
	public void setValue(Boolean value) {
		ReplicaReads.set(value);
	}

	@Override
	public void setValue() {
		ReplicaReads.set(null);
	}

}
