package org.incidentintel.domain.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.source.SourceDocument;

/**
 * One round of a diplomatic counter-terrorism dialogue between governments.
 */
@Entity
public class Dialogue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ref_key", nullable = false, unique = true)
	private String key;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private LocalDate startDate;

	/** A round known only as "March 2023" has MONTH precision and starts on the 1st. */
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private DatePrecision datePrecision;

	private LocalDate endDate;

	private String location;

	private String hostCountry;

	private String format;

	private String summary;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "previous_id")
	private Dialogue previous;

	/** Governments taking part, as ISO 3166 alpha-3 codes. */
	@ElementCollection
	@CollectionTable(name = "dialogue_party", joinColumns = @JoinColumn(name = "dialogue_id"))
	@Column(name = "country")
	private Set<String> parties = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "dialogue_topic", joinColumns = @JoinColumn(name = "dialogue_id"))
	@OrderColumn(name = "position")
	@Column(name = "topic")
	private List<String> topics = new ArrayList<>();

	/** Organizations the dialogue named as threats. */
	@ManyToMany
	@JoinTable(name = "dialogue_threat", joinColumns = @JoinColumn(name = "dialogue_id"),
			inverseJoinColumns = @JoinColumn(name = "organization_id"))
	private Set<Organization> threats = new LinkedHashSet<>();

	/** The threats as the sources worded them, each with the organization resolved. */
	@ElementCollection
	@CollectionTable(name = "dialogue_threat_mention", joinColumns = @JoinColumn(name = "dialogue_id"))
	@OrderColumn(name = "position")
	private List<ThreatMention> threatMentions = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "dialogue_source", joinColumns = @JoinColumn(name = "dialogue_id"),
			inverseJoinColumns = @JoinColumn(name = "source_document_id"))
	private Set<SourceDocument> sources = new LinkedHashSet<>();

	@OneToMany(mappedBy = "dialogue", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<Delegate> delegates = new ArrayList<>();

	@OneToMany(mappedBy = "dialogue", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<Commitment> commitments = new ArrayList<>();

	protected Dialogue() {
	}

	public Dialogue(String key, String title, LocalDate startDate, DatePrecision datePrecision) {
		this.key = key;
		this.title = title;
		this.startDate = startDate;
		this.datePrecision = datePrecision;
	}

	public Delegate addDelegate(Person person, Organization organization, String title, String role, String country) {
		Delegate added = new Delegate(this, person, organization, title, role, country, this.delegates.size());
		this.delegates.add(added);
		return added;
	}

	public Commitment addCommitment(String description, Integer quantity, String qualifier, String unit) {
		return add(CommitmentKind.COMMITMENT, description, quantity, qualifier, unit);
	}

	/**
	 * Records what was achieved before this round and reported at it ("more than 300
	 * police trained since the previous round").
	 */
	public Commitment addAchievement(String description, Integer quantity, String qualifier, String unit) {
		return add(CommitmentKind.ACHIEVEMENT, description, quantity, qualifier, unit);
	}

	private Commitment add(CommitmentKind kind, String description, Integer quantity, String qualifier, String unit) {
		// Positions count within a kind: commitments and achievements are two lists
		int position = (int) this.commitments.stream().filter((outcome) -> outcome.getKind() == kind).count();
		Commitment added = new Commitment(this, kind, description, quantity, qualifier, unit, position);
		this.commitments.add(added);
		return added;
	}

	/**
	 * Empties the to-many parts, so a reload from reference data replaces rather than
	 * appends.
	 */
	public void clearDetails() {
		this.parties.clear();
		this.topics.clear();
		this.threats.clear();
		this.threatMentions.clear();
		this.sources.clear();
		this.delegates.clear();
		this.commitments.clear();
	}

	/** Removes every delegate (a curator replaces the list). */
	public void clearDelegates() {
		this.delegates.clear();
	}

	/**
	 * Removes every commitment (a curator replaces the list); the achievements stay.
	 */
	public void clearCommitments() {
		this.commitments.removeIf((outcome) -> outcome.getKind() == CommitmentKind.COMMITMENT);
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	public void setDate(LocalDate startDate, DatePrecision datePrecision, LocalDate endDate) {
		this.startDate = startDate;
		this.datePrecision = datePrecision;
		this.endDate = endDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public String getLocation() {
		return this.location;
	}

	public String getHostCountry() {
		return this.hostCountry;
	}

	public void setVenue(String location, String hostCountry, String format) {
		this.location = location;
		this.hostCountry = hostCountry;
		this.format = format;
	}

	public String getFormat() {
		return this.format;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public Dialogue getPrevious() {
		return this.previous;
	}

	public void setPrevious(Dialogue previous) {
		this.previous = previous;
	}

	public Set<String> getParties() {
		return this.parties;
	}

	public List<String> getTopics() {
		return this.topics;
	}

	public Set<Organization> getThreats() {
		return this.threats;
	}

	public List<ThreatMention> getThreatMentions() {
		return this.threatMentions;
	}

	public Set<SourceDocument> getSources() {
		return this.sources;
	}

	public List<Delegate> getDelegates() {
		return Collections.unmodifiableList(this.delegates);
	}

	/** The commitments, in order (without the achievements). */
	public List<Commitment> getCommitments() {
		return outcomes(CommitmentKind.COMMITMENT);
	}

	/** The achievements reported at the round, in order. */
	public List<Commitment> getAchievements() {
		return outcomes(CommitmentKind.ACHIEVEMENT);
	}

	private List<Commitment> outcomes(CommitmentKind kind) {
		return this.commitments.stream().filter((outcome) -> outcome.getKind() == kind).toList();
	}

}
