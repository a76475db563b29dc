-- TokenBucket's rule, run atomically in Redis so that all API replicas share one bucket
-- per client. KEYS[1]: the client's bucket, a hash of 'available' (units, fractional)
-- and 'updated' (microseconds, Redis's clock: the replicas' clocks never mix).
-- ARGV: capacity (units), window (microseconds), cost (units).
-- Returns 0 when the cost was taken, else the microseconds until it could be (a refused
-- request takes nothing).
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'available', 'updated')
-- A missing bucket is a full one (new, or expired below)
local available = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
if now > updated then
  available = math.min(capacity, available + (now - updated) * capacity / window)
  updated = now
end
local wait = 0
if cost <= available then
  available = available - cost
else
  wait = math.max(1, math.ceil((math.min(cost, capacity) - available) * window / capacity))
end
redis.call('HSET', KEYS[1], 'available', string.format('%.17g', available), 'updated', string.format('%d', updated))
-- After a whole window untouched the bucket is full again: Redis forgets it, as
-- LocalClientBudgets sweeps full buckets out
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return wait
