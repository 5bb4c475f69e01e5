/**
 * Budgets on client keys: cost and token limits per day, week and month and a concurrency limit,
 * held from memory on the request path against the spend so far ({@link
 * dev.clauderelay.gateway.application.budget.SpendStore}).
 */
package dev.clauderelay.gateway.application.budget;
