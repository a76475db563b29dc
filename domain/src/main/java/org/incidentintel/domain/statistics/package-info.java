/**
 * Pre-aggregated incident statistics (the "cells") and their freshness: writers of
 * incident rows bump a data version, a refresh rebuilds the cells and records the version
 * it saw.
 */
package org.incidentintel.domain.statistics;
