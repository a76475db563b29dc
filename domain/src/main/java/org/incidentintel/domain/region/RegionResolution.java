package org.incidentintel.domain.region;

/**
 * What a raw region name resolved to: the region as it is today and as it was on the day
 * of the event, with its name on that day; or nothing, with the name kept verbatim.
 *
 * @param raw the text as given
 * @param currentRegionId the region that covers the place today ({@code pk-kp} for FATA),
 * or {@code null} if unresolved
 * @param eventRegionId the region that covered the place on the event day ({@code pk-ta}
 * for FATA before its merger), or {@code null} if unresolved
 * @param eventName the official name of that region on the event day (North-West Frontier
 * Province before 2010-04-19), or {@code null} if unresolved
 */
public record RegionResolution(String raw, String currentRegionId, String eventRegionId, String eventName) {

	public RegionResolution {
		if ((currentRegionId == null) != (eventRegionId == null)) {
			throw new IllegalArgumentException("A resolved region needs both the current and the event-time region");
		}
	}

	static RegionResolution unresolved(String raw) {
		return new RegionResolution(raw, null, null, null);
	}

	/**
	 * Whether the name matched a known region.
	 * @return {@code true} if resolved
	 */
	public boolean isResolved() {
		return this.currentRegionId != null;
	}

	/**
	 * Whether the source gave no region at all.
	 * @return {@code true} if the raw text is blank
	 */
	public boolean isBlank() {
		return this.raw == null || this.raw.isBlank();
	}

}
