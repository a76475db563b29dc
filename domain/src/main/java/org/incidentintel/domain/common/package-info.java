/** Value objects shared by several features: date spans, precision, geographic points. */
package org.incidentintel.domain.common;
