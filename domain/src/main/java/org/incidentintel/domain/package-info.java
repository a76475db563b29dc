/** The shared domain: entities, repositories, value objects and normalization rules. */
package org.incidentintel.domain;
