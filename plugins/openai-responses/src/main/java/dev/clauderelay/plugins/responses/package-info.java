/**
 * The {@code openai-responses} plugin: Anthropic Messages to the OpenAI Responses API ({@code
 * /responses}) and back, encrypted reasoning carried across turns in thinking signatures.
 */
package dev.clauderelay.plugins.responses;
