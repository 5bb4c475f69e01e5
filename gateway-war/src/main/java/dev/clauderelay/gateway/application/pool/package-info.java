/**
 * Key pools: which keys are usable now (for which model), leasing one per attempt within its
 * limits, what an upstream answer does to a key, probing and recovering keys, and the admin's
 * operations on a pool. All in memory and lock-free on the request path; persisted in batches.
 */
package dev.clauderelay.gateway.application.pool;
