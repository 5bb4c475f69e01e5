/**
 * Extension points of Claude Relay and the values they exchange; plugins depend on nothing else.
 *
 * <p>Every extension is pure: it receives everything as arguments and performs no I/O, holds no
 * secrets and reads no clock. The relay owns transport, credentials, persistence and time.
 */
package dev.clauderelay.plugin.api;
