package org.incidentintel.api.incident;

/**
 * People killed and injured in an incident; {@code null} means not known.
 *
 * @param killed killed, best estimate
 * @param killedLow killed, low estimate
 * @param killedHigh killed, high estimate
 * @param civilians civilians killed
 * @param securityForces members of security forces killed
 * @param militants militants killed
 * @param unknown killed of unknown affiliation
 * @param injured injured
 * @param killedFrom the record that gave the killed figures
 * @param injuredFrom the record that gave the injured figure
 */
public record Casualties(Integer killed, Integer killedLow, Integer killedHigh, Integer civilians,
		Integer securityForces, Integer militants, Integer unknown, Integer injured, FieldSource killedFrom,
		FieldSource injuredFrom) {

}
