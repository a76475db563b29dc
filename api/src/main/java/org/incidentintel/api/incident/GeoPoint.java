package org.incidentintel.api.incident;

/**
 * Coordinates of an incident (WGS 84 degrees).
 *
 * @param latitude the latitude
 * @param longitude the longitude
 */
public record GeoPoint(double latitude, double longitude) {

}
