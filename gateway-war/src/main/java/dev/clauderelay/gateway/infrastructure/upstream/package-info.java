/**
 * The one HTTP client the relay sends upstream requests with: non-blocking, streaming bodies with
 * back-pressure, per-provider connect timeouts; and the reading of Anthropic error answers.
 */
package dev.clauderelay.gateway.infrastructure.upstream;
