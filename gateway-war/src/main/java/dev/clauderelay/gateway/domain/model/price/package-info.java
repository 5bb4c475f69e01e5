/** Model prices: what a million tokens of each kind cost, per model name or pattern. */
package dev.clauderelay.gateway.domain.model.price;
