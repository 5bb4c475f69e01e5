/**
 * The request path: what a client asks for, the bounded attempt loop over keys and fallback routes,
 * and the answer streamed back event by event.
 */
package dev.clauderelay.gateway.application.relay;
