package org.incidentintel.domain.dialogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.incidentintel.domain.organization.Organization;

/**
 * A person's seat at a dialogue: their title at the time, their role (co-chair, member)
 * and the organization they represented.
 */
@Entity
@Table(name = "dialogue_delegate")
public class Delegate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "dialogue_id")
	private Dialogue dialogue;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "person_id")
	private Person person;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	private String title;

	private String role;

	private String country;

	@Column(nullable = false)
	private int position;

	protected Delegate() {
	}

	Delegate(Dialogue dialogue, Person person, Organization organization, String title, String role, String country,
			int position) {
		this.dialogue = dialogue;
		this.person = person;
		this.organization = organization;
		this.title = title;
		this.role = role;
		this.country = country;
		this.position = position;
	}

	public Long getId() {
		return this.id;
	}

	public Dialogue getDialogue() {
		return this.dialogue;
	}

	public Person getPerson() {
		return this.person;
	}

	public Organization getOrganization() {
		return this.organization;
	}

	public String getTitle() {
		return this.title;
	}

	public String getRole() {
		return this.role;
	}

	public String getCountry() {
		return this.country;
	}

	public int getPosition() {
		return this.position;
	}

}
