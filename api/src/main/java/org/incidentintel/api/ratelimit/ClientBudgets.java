package org.incidentintel.api.ratelimit;

/**
 * The clients' budgets of cost units, each a token bucket of
 * {@code incidentintel.api.rate-limit.budget} units refilled over the window: in this
 * process ({@link LocalClientBudgets}) or shared by all replicas through Redis
 * ({@link RedisClientBudgets}).
 */
interface ClientBudgets {

	/**
	 * Charges a client for a request, whole or not at all.
	 * @param client the client's key ({@code Caller#rateLimitKey()})
	 * @param cost the request's cost units
	 * @return 0 when charged, else the nanoseconds after which it could be
	 */
	long charge(String client, long cost);

}
