package org.incidentintel.api.limits;

/**
 * The cost of the operation being executed, as {@link QueryCostInstrumentation} computed
 * it; put into the request's GraphQL context (under {@code QueryCost.class}) for later
 * checks such as the rate limit.
 *
 * @param value the cost in units (every field 1, fields under a connection once per item
 * of its page)
 */
public record QueryCost(int value) {

}
