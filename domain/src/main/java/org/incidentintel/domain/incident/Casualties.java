package org.incidentintel.domain.incident;

/**
 * Who was killed and injured in an incident; every figure is {@code null} when the source
 * does not know it, which is not the same as zero.
 *
 * @param killed the best estimate of the dead
 * @param killedLow the lowest estimate of the dead
 * @param killedHigh the highest estimate of the dead
 * @param civilians civilians killed
 * @param securityForces police, soldiers and other security personnel killed
 * @param militants militants killed, attackers included
 * @param unknown dead whose affiliation is not known
 * @param injured the injured
 */
public record Casualties(Integer killed, Integer killedLow, Integer killedHigh, Integer civilians,
		Integer securityForces, Integer militants, Integer unknown, Integer injured) {

	private static final Casualties NONE = new Casualties(null, null, null, null, null, null, null, null);

	public Casualties {
		requireNotNegative("killed", killed);
		requireNotNegative("killedLow", killedLow);
		requireNotNegative("killedHigh", killedHigh);
		requireNotNegative("civilians", civilians);
		requireNotNegative("securityForces", securityForces);
		requireNotNegative("militants", militants);
		requireNotNegative("unknown", unknown);
		requireNotNegative("injured", injured);
		if (killedLow != null && killedHigh != null && killedLow > killedHigh) {
			throw new IllegalArgumentException("killedLow " + killedLow + " is greater than killedHigh " + killedHigh);
		}
		if (killed != null && killedLow != null && killed < killedLow) {
			throw new IllegalArgumentException("killed " + killed + " is less than killedLow " + killedLow);
		}
		if (killed != null && killedHigh != null && killed > killedHigh) {
			throw new IllegalArgumentException("killed " + killed + " is greater than killedHigh " + killedHigh);
		}
	}

	/**
	 * No figures known: the starting point for the withers. Every field is {@code null},
	 * not zero.
	 * @return casualties with nothing known
	 */
	public static Casualties none() {
		return NONE;
	}

	/**
	 * A copy with the best estimate of the dead and no bounds.
	 * @param killed the best estimate, may be {@code null}
	 * @return the copy
	 */
	public Casualties withKilled(Integer killed) {
		return withKilled(killed, null, null);
	}

	/**
	 * A copy with the estimates of the dead.
	 * @param killed the best estimate, may be {@code null}
	 * @param low the lowest estimate, may be {@code null}
	 * @param high the highest estimate, may be {@code null}
	 * @return the copy
	 */
	public Casualties withKilled(Integer killed, Integer low, Integer high) {
		return new Casualties(killed, low, high, this.civilians, this.securityForces, this.militants, this.unknown,
				this.injured);
	}

	/**
	 * A copy with the estimates of the dead taken from a parsed range.
	 * @param range the range
	 * @return the copy
	 */
	public Casualties withKilled(CountRange range) {
		return withKilled(range.best(), range.low(), range.high());
	}

	/**
	 * A copy with the dead broken down by who they were.
	 * @param civilians civilians killed, may be {@code null}
	 * @param securityForces security personnel killed, may be {@code null}
	 * @param militants militants killed, may be {@code null}
	 * @param unknown dead of unknown affiliation, may be {@code null}
	 * @return the copy
	 */
	public Casualties withBreakdown(Integer civilians, Integer securityForces, Integer militants, Integer unknown) {
		return new Casualties(this.killed, this.killedLow, this.killedHigh, civilians, securityForces, militants,
				unknown, this.injured);
	}

	/**
	 * A copy with the injured.
	 * @param injured the injured, may be {@code null}
	 * @return the copy
	 */
	public Casualties withInjured(Integer injured) {
		return new Casualties(this.killed, this.killedLow, this.killedHigh, this.civilians, this.securityForces,
				this.militants, this.unknown, injured);
	}

	private static void requireNotNegative(String field, Integer value) {
		if (value != null && value < 0) {
			throw new IllegalArgumentException(field + " must not be negative but was " + value);
		}
	}

}
