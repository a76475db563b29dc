package org.incidentintel.domain.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Ranks the targets (organizations, regions) whose names come closest to a text typed by
 * someone: misspellings, spacing, hyphen and bracket variants, transliterations.
 * <p>
 * Names and text are compared by their {@link NameKey#loose(String) loose keys}: equal
 * loose keys (or equal once the spaces are removed, {@code ISIS K} = {@code ISIS-K}) are
 * an exact match; otherwise the score is the best Jaro-Winkler similarity of the keys, of
 * the keys without spaces, and of their words paired up. The text is also read as
 * {@code Name (ABBR)} and {@code ABBR: Name}: each part is tried too, a little below the
 * whole text. Each target appears once, with its closest name.
 *
 * @param <T> the type of the targets
 */
public final class NameSearch<T> {

	/**
	 * The longest text a search takes (far longer than any real name): callers refuse
	 * longer ones, which cost time and find nothing.
	 */
	public static final int MAX_TEXT_LENGTH = 200;

	/** The score of an exact match of the whole text. */
	public static final double EXACT = 1.0;

	// Non-exact matches stay below every exact one
	private static final double BEST_INEXACT = 0.98;

	// A part of "Name (ABBR)" or "ABBR: Name" counts a little less than the whole text
	private static final double PART_PENALTY = 0.005;

	private static final Pattern NAME_AND_ABBREVIATION = Pattern.compile("^(.+?)\\s*[(\\[]([^()\\[\\]]+)[)\\]]$");

	private static final Pattern ABBREVIATION_AND_NAME = Pattern.compile("^([^:]+):\\s*(.+)$");

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private final List<Entry<T>> entries;

	private NameSearch(List<Entry<T>> entries) {
		this.entries = entries;
	}

	/**
	 * Index the names of some targets.
	 * @param rows one row per name
	 * @param target the target a row names
	 * @param name the name a row holds
	 * @return the index
	 */
	public static <R, T> NameSearch<T> of(Collection<R> rows, Function<R, T> target, Function<R, String> name) {
		List<Entry<T>> entries = new ArrayList<>(rows.size());
		for (R row : rows) {
			String text = name.apply(row);
			Key key = Key.of(text);
			if (key != null) {
				entries.add(new Entry<>(target.apply(row), text, key));
			}
		}
		return new NameSearch<>(entries);
	}

	/**
	 * The targets whose names come closest to the text, best first, each once with its
	 * closest name; ties are in the order of the names.
	 * @param text the text typed
	 * @param minScore the lowest score kept (0..1)
	 * @return the ranked hits, empty when the text has no letter or digit
	 */
	public List<Hit<T>> search(String text, double minScore) {
		List<Key> readings = readings(text);
		if (readings.isEmpty()) {
			return List.of();
		}
		String written = NameKey.of(text);
		Map<T, Ranked<T>> best = new LinkedHashMap<>();
		for (Entry<T> entry : this.entries) {
			double score = 0;
			boolean exact = false;
			for (int i = 0; i < readings.size(); i++) {
				Key reading = readings.get(i);
				double penalty = i * PART_PENALTY;
				if (reading.matchesExactly(entry.key())) {
					if (!exact || EXACT - penalty > score) {
						score = EXACT - penalty;
						exact = true;
					}
				}
				else if (!exact) {
					score = Math.max(score, Math.min(BEST_INEXACT, reading.similarity(entry.key())) - penalty);
				}
			}
			if (score < minScore) {
				continue;
			}
			Hit<T> hit = new Hit<>(entry.target(), entry.name(), Math.round(score * 1000) / 1000.0, exact);
			// Between names of equal score, the one written most like the text
			double closeness = SIMILARITY.apply(written, entry.key().written());
			best.merge(entry.target(), new Ranked<>(hit, closeness), (a, b) -> (BY_RANK.compare(a, b) <= 0) ? a : b);
		}
		return best.values().stream().sorted(BY_RANK).map(Ranked::hit).toList();
	}

	private static final Comparator<Ranked<?>> BY_RANK = Comparator
		.comparingDouble((Ranked<?> ranked) -> -ranked.hit().score())
		.thenComparing((ranked) -> !ranked.hit().exact())
		.thenComparingDouble((ranked) -> -ranked.closeness())
		.thenComparing((ranked) -> ranked.hit().name(), String.CASE_INSENSITIVE_ORDER);

	/**
	 * The targets the text names exactly (loose keys equal), in their best reading: the
	 * whole text first, then {@code Name} of {@code Name (ABBR)} or {@code ABBR: Name},
	 * then {@code ABBR}.
	 * @param text the text typed
	 * @return the targets of the best exact reading; empty when none is exact
	 */
	public Set<T> exactTargets(String text) {
		List<Hit<T>> hits = search(text, EXACT - 10 * PART_PENALTY);
		Set<T> targets = new LinkedHashSet<>();
		for (Hit<T> hit : hits) {
			if (hit.exact() && hit.score() == hits.get(0).score()) {
				targets.add(hit.target());
			}
		}
		return targets;
	}

	// The whole text; then the name and abbreviation of "Name (ABBR)" and "ABBR: Name"
	private static List<Key> readings(String text) {
		Set<String> texts = new LinkedHashSet<>();
		if (text != null) {
			String whole = text.strip();
			texts.add(whole);
			Matcher bracketed = NAME_AND_ABBREVIATION.matcher(whole);
			if (bracketed.matches()) {
				texts.add(bracketed.group(1).strip());
				texts.add(bracketed.group(2).strip());
			}
			Matcher prefixed = ABBREVIATION_AND_NAME.matcher(whole);
			if (prefixed.matches()) {
				texts.add(prefixed.group(2).strip());
				texts.add(prefixed.group(1).strip());
			}
		}
		return texts.stream().map(Key::of).filter((key) -> key != null).toList();
	}

	/**
	 * A target found by a search.
	 *
	 * @param target the target
	 * @param name its name that came closest to the text
	 * @param score how close, from 0 to 1 ({@code 1} an exact match of the whole text)
	 * @param exact whether the text (or a part of it, see {@link NameSearch}) names it
	 * exactly after normalization
	 */
	public record Hit<T>(T target, String name, double score, boolean exact) {
	}

	private record Entry<T>(T target, String name, Key key) {
	}

	private record Ranked<T>(Hit<T> hit, double closeness) {
	}

	private record Key(String written, String loose, String compact, List<String> words) {

		// The keys of names seen before: an index is built per request from the same few
		// hundred names. Bounded: emptied when full
		private static final Map<String, Optional<Key>> SEEN = new ConcurrentHashMap<>();

		private static final int MAX_SEEN = 20_000;

		static Key of(String text) {
			if (text == null || text.length() > MAX_TEXT_LENGTH) {
				return compute(text);
			}
			if (SEEN.size() >= MAX_SEEN) {
				SEEN.clear();
			}
			return SEEN.computeIfAbsent(text, (key) -> Optional.ofNullable(compute(key))).orElse(null);
		}

		private static Key compute(String text) {
			String loose = NameKey.loose(text);
			if (loose.isEmpty()) {
				return null;
			}
			return new Key(NameKey.of(text), loose, loose.replace(" ", ""), Arrays.asList(loose.split(" ")));
		}

		boolean matchesExactly(Key other) {
			return this.loose.equals(other.loose) || this.compact.equals(other.compact);
		}

		double similarity(Key other) {
			double whole = SIMILARITY.apply(this.loose, other.loose);
			double compacted = SIMILARITY.apply(this.compact, other.compact);
			return Math.max(Math.max(whole, compacted), words(other));
		}

		// Each word paired with its closest word on the other side, both ways
		private double words(Key other) {
			double sum = 0;
			for (String word : this.words) {
				sum += closest(word, other.words);
			}
			for (String word : other.words) {
				sum += closest(word, this.words);
			}
			return sum / (this.words.size() + other.words.size());
		}

		private static double closest(String word, List<String> words) {
			double best = 0;
			for (String candidate : words) {
				best = Math.max(best, SIMILARITY.apply(word, candidate));
			}
			return best;
		}

	}

}
