/**
 * Key pools at run time: which keys are usable now, leasing one per attempt, and what an upstream
 * answer does to a key. All in memory, lock-free on the request path; persisted in batches.
 */
package dev.clauderelay.gateway.application.pool;
