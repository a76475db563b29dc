package org.incidentintel.domain.dialogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An outcome of a dialogue: a commitment (what the governments resolved to do) or an
 * achievement reported at it (what was done since the previous round), with a quantity
 * when one was stated ("more than 300 police trained").
 */
@Entity
@Table(name = "dialogue_commitment")
public class Commitment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "dialogue_id")
	private Dialogue dialogue;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private CommitmentKind kind;

	@Column(nullable = false)
	private String description;

	private Integer quantity;

	/** How the quantity reads: {@code EQUAL}, {@code MORE_THAN}, {@code LESS_THAN}. */
	private String qualifier;

	private String unit;

	@Column(nullable = false)
	private int position;

	protected Commitment() {
	}

	Commitment(Dialogue dialogue, CommitmentKind kind, String description, Integer quantity, String qualifier,
			String unit, int position) {
		this.dialogue = dialogue;
		this.kind = kind;
		this.description = description;
		this.quantity = quantity;
		this.qualifier = qualifier;
		this.unit = unit;
		this.position = position;
	}

	public Long getId() {
		return this.id;
	}

	public Dialogue getDialogue() {
		return this.dialogue;
	}

	public CommitmentKind getKind() {
		return this.kind;
	}

	public String getDescription() {
		return this.description;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public String getQualifier() {
		return this.qualifier;
	}

	public String getUnit() {
		return this.unit;
	}

	public int getPosition() {
		return this.position;
	}

}
