/**
 * How the gateway takes in what clients send: request bodies (their limits and budget on the shared
 * intake), and the headers the server reads before the relay does.
 */
package dev.clauderelay.gateway.interfaces.intake;
