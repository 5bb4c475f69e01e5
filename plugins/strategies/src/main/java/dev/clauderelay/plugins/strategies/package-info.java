/**
 * The built-in key selection strategies, shipped as the {@code strategies} PF4J plugin. Each reads
 * a bounded number of candidates per selection, so pools of 10,000 keys cost what pools of 10 do.
 */
package dev.clauderelay.plugins.strategies;
