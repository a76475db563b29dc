package org.incidentintel.domain.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentintel.domain.dedup.Cluster.Link;
import org.incidentintel.domain.dedup.CuratorDecisions.Pair;

/**
 * Groups records into clusters, deterministically: curator merges first, then the matches
 * from the highest score down (ties broken by the records' keys), each accepted unless it
 * would put two records a curator split into one cluster, or (by default) two records of
 * one dataset. The result depends on the records, the matches and the decisions only,
 * never on their order or on row ids.
 */
public final class Clusterer {

	private static final Comparator<Match> STRONGEST_FIRST = Comparator.comparingDouble(Match::score)
		.reversed()
		.thenComparing((match) -> match.a().key())
		.thenComparing((match) -> match.b().key());

	private Clusterer() {
	}

	/**
	 * Clusters the given records.
	 * @param records the records (every record of every match and decision must be among
	 * them; decisions naming other records are ignored)
	 * @param matches matches at or above the threshold
	 * @param decisions curator decisions
	 * @param mergeSameDataset whether two records of one dataset may share a cluster
	 * @return the clusters, each record in exactly one, ordered by their first member's
	 * key
	 */
	public static List<Cluster> cluster(List<MatchRecord> records, List<Match> matches, CuratorDecisions decisions,
			boolean mergeSameDataset) {
		Map<RecordKey, Group> groups = new HashMap<>();
		for (MatchRecord record : records) {
			groups.put(record.key(), new Group(record));
		}
		Map<Long, Link> links = new HashMap<>();
		decisions.together()
			.stream()
			.sorted(Comparator.comparing(Pair::first).thenComparing(Pair::second))
			.forEach((pair) -> {
				Group a = groups.get(pair.first());
				Group b = groups.get(pair.second());
				if (a != null && b != null && a.root() != b.root() && a.root().allowsWith(b.root(), decisions)) {
					a.root().absorb(b.root());
					Link merge = new Link(1.0, Cluster.CURATOR_MERGE_EVIDENCE);
					links.put(a.record.id(), merge);
					links.put(b.record.id(), merge);
				}
			});
		List<Match> strongestFirst = new ArrayList<>(matches);
		strongestFirst.sort(STRONGEST_FIRST);
		for (Match match : strongestFirst) {
			Group a = groups.get(match.a().key()).root();
			Group b = groups.get(match.b().key()).root();
			if (a == b) {
				continue;
			}
			if ((mergeSameDataset || a.datasets.stream().noneMatch(b.datasets::contains))
					&& a.allowsWith(b, decisions)) {
				a.absorb(b);
				links.putIfAbsent(match.a().id(), new Link(match.score(), match.evidenceJson(match.b())));
				links.putIfAbsent(match.b().id(), new Link(match.score(), match.evidenceJson(match.a())));
			}
		}
		Map<Group, List<MatchRecord>> members = new HashMap<>();
		for (MatchRecord record : records) {
			members.computeIfAbsent(groups.get(record.key()).root(), (root) -> new ArrayList<>()).add(record);
		}
		List<Cluster> clusters = new ArrayList<>();
		for (List<MatchRecord> cluster : members.values()) {
			cluster.sort(MatchRecord.BY_KEY);
			Map<Long, Link> clusterLinks = new HashMap<>();
			for (MatchRecord record : cluster) {
				clusterLinks.put(record.id(),
						(cluster.size() == 1) ? new Link(1.0, Cluster.SINGLE_SOURCE_EVIDENCE) : links.get(record.id()));
			}
			clusters.add(new Cluster(List.copyOf(cluster), clusterLinks));
		}
		clusters.sort(Comparator.comparing((Cluster cluster) -> cluster.members().get(0).key()));
		return clusters;
	}

	/** A union-find node that, as a root, knows its members' keys and datasets. */
	private static final class Group {

		private final MatchRecord record;

		private Group parent = this;

		private final List<RecordKey> keys = new ArrayList<>();

		private final Set<String> datasets = new HashSet<>();

		Group(MatchRecord record) {
			this.record = record;
			this.keys.add(record.key());
			this.datasets.add(record.dataset());
		}

		Group root() {
			Group root = this;
			while (root.parent != root) {
				root = root.parent;
			}
			// path compression
			Group node = this;
			while (node.parent != root) {
				Group next = node.parent;
				node.parent = root;
				node = next;
			}
			return root;
		}

		boolean allowsWith(Group other, CuratorDecisions decisions) {
			if (decisions.apart().isEmpty()) {
				return true;
			}
			for (RecordKey a : this.keys) {
				for (RecordKey b : other.keys) {
					if (decisions.apart(a, b)) {
						return false;
					}
				}
			}
			return true;
		}

		void absorb(Group other) {
			other.parent = this;
			this.keys.addAll(other.keys);
			this.datasets.addAll(other.datasets);
		}

	}

}
