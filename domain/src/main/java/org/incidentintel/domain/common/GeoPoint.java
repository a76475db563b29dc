package org.incidentintel.domain.common;

/**
 * A point on the earth in WGS 84 decimal degrees.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

	public GeoPoint {
		// NaN fails both comparisons, so it is rejected too
		if (!(latitude >= -90 && latitude <= 90)) {
			throw new IllegalArgumentException("latitude " + latitude + " is outside -90..90");
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("longitude " + longitude + " is outside -180..180");
		}
	}

	/**
	 * A point from its coordinates.
	 * @param latitude degrees north, -90 to 90
	 * @param longitude degrees east, -180 to 180
	 * @return the point
	 */
	public static GeoPoint of(double latitude, double longitude) {
		return new GeoPoint(latitude, longitude);
	}

}
