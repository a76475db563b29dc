/**
 * Organizations (militant groups, governments, think tanks, forums), their aliases and
 * the alias resolver.
 */
package org.incidentintel.domain.organization;
