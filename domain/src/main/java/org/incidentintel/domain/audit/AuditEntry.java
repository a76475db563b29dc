package org.incidentintel.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * What one mutation did: who (a token name or a JWT subject), when, which operation on
 * which targets ({@code Organization:12}), and their state before and after as JSON.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant occurredAt;

	@Column(nullable = false)
	private String actor;

	/** {@code TOKEN} or {@code JWT}. */
	@Column(nullable = false)
	private String actorKind;

	@Column(nullable = false)
	private String operation;

	@ElementCollection
	@CollectionTable(name = "audit_target", joinColumns = @JoinColumn(name = "audit_entry_id"))
	@OrderColumn(name = "position")
	@Column(name = "target")
	private List<String> targets = new ArrayList<>();

	@Column(name = "before_state")
	private String before;

	@Column(name = "after_state")
	private String after;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, String actor, String actorKind, String operation, List<String> targets,
			String before, String after) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.actorKind = actorKind;
		this.operation = operation;
		this.targets.addAll(targets);
		this.before = before;
		this.after = after;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getActorKind() {
		return this.actorKind;
	}

	public String getOperation() {
		return this.operation;
	}

	public List<String> getTargets() {
		return Collections.unmodifiableList(this.targets);
	}

	public String getBefore() {
		return this.before;
	}

	public String getAfter() {
		return this.after;
	}

}
