package org.incidentintel.api.audit;

import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.security.Access;
import org.incidentintel.api.security.Caller;
import org.incidentintel.domain.audit.AuditLog;
import org.incidentintel.domain.security.Role;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a mutation's work in one transaction together with its audit entry: both commit,
 * or neither does (an {@code ApiException} thrown by the work rolls everything back). A
 * mutation's controller method is then:
 *
 * <pre class="code">
 * &#64;MutationMapping
 * SplitIncidentPayload splitIncident(&#64;Argument SplitIncidentInput input, DataFetchingEnvironment environment) {
 *     long id = this.mutations.run("splitIncident", environment, (audit) -&gt; {
 *         audit.target("Incident", incidentId).before(snapshot(incidentId));
 *         ... validate (throw ApiException.badInput(message, "input", "field")), change ...
 *         audit.after(snapshot(incidentId));
 *         return incidentId;
 *     });
 *     return new SplitIncidentPayload(input.clientMutationId(), read(id));
 * }
 * </pre>
 *
 * The editor check is done for every mutation before it starts
 * ({@code MutationAccessInstrumentation}); it is repeated here so that work reached in
 * any other way cannot run anonymously.
 */
@Component
public class AuditedMutations {

	private final TransactionTemplate transactions;

	private final AuditLog auditLog;

	AuditedMutations(PlatformTransactionManager transactionManager, AuditLog auditLog) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.auditLog = auditLog;
	}

	/**
	 * Runs the work and records it.
	 * @param operation the mutation's name, as the audit log shows it
	 * @param environment the mutation field's environment (it knows the caller)
	 * @param work the change; it names its targets and states on the trail it is given
	 * @return what the work returned
	 */
	public <T> T run(String operation, DataFetchingEnvironment environment, Function<AuditTrail, T> work) {
		Caller caller = Access.require(environment, Role.EDITOR, "a mutation");
		return this.transactions.execute((status) -> {
			AuditTrail trail = new AuditTrail();
			T result = work.apply(trail);
			if (trail.targets().isEmpty()) {
				throw new IllegalStateException(operation + " named no target for its audit entry");
			}
			this.auditLog.record(caller.actor(), operation, trail.targets(), trail.beforeState(), trail.afterState());
			return result;
		});
	}

}
