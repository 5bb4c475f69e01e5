/** Prices and costs: the price table the request path reads from memory, and a request's cost. */
package dev.clauderelay.gateway.application.pricing;
