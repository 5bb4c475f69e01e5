/**
 * Taking in request bodies: read as they arrive without holding a thread, bounded in bytes per
 * request and in all, and in time, before any servlet sees them. Shared by the gateway and the
 * console; each WAR keeps its own budget and rules.
 */
package dev.clauderelay.intake;
