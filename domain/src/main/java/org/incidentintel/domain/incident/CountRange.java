package org.incidentintel.domain.incident;

/**
 * A count reported as a range, with the figure to use as the headline; {@code null} means
 * not known.
 *
 * @param low the minimum, may be {@code null}
 * @param high the maximum, may be {@code null}
 * @param best the headline figure, may be {@code null}
 */
public record CountRange(Integer low, Integer high, Integer best) {

	public CountRange {
		requireNotNegative("low", low);
		requireNotNegative("high", high);
		requireNotNegative("best", best);
		if (low != null && high != null && low > high) {
			throw new IllegalArgumentException("low " + low + " is greater than high " + high);
		}
		if (low != null && best != null && best < low) {
			throw new IllegalArgumentException("best " + best + " is less than low " + low);
		}
		if (high != null && best != null && best > high) {
			throw new IllegalArgumentException("best " + best + " is greater than high " + high);
		}
	}

	/**
	 * Nothing known.
	 * @return a range with every figure {@code null}
	 */
	public static CountRange unknown() {
		return new CountRange(null, null, null);
	}

	/**
	 * A single reported figure, without bounds.
	 * @param best the figure, may be {@code null}
	 * @return a range with only the best figure
	 */
	public static CountRange of(Integer best) {
		return new CountRange(null, null, best);
	}

	private static void requireNotNegative(String name, Integer value) {
		if (value != null && value < 0) {
			throw new IllegalArgumentException(name + " must not be negative but was " + value);
		}
	}

}
