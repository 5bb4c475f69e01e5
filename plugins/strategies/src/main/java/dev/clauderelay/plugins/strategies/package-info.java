/** The built-in key selection strategies, shipped as the {@code strategies} PF4J plugin. */
package dev.clauderelay.plugins.strategies;
