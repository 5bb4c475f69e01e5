/**
 * Taking in request bodies: read as they arrive without holding a thread, bounded in bytes per
 * request and in all, and in time, before any resource sees them.
 */
package dev.clauderelay.gateway.interfaces.intake;
