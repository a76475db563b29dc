package org.incidentintel.domain.common;

/**
 * A point on the earth in WGS 84 decimal degrees.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

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

	/**
	 * The great-circle distance to another point, on a spherical earth (haversine):
	 * within 0.5% of the ellipsoid, plenty for telling 2 km from 25 km.
	 * @param other the other point
	 * @return the distance in kilometres
	 */
	public double distanceKm(GeoPoint other) {
		double lat1 = Math.toRadians(this.latitude);
		double lat2 = Math.toRadians(other.latitude);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(other.longitude - this.longitude);
		double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
	}

}
