/**
 * What the plugins for OpenAI's APIs share: how an OpenAI-style error answer (whole or met inside a
 * stream) maps to the relay's error classes, when a rate-limited key may be used again, and the
 * messages clients see instead of the upstream's own.
 */
package dev.clauderelay.plugin.support.openai;
