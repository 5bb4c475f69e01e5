/**
 * The {@code gemini} plugin: Anthropic Messages requests, responses and streams translated to and
 * from Google Gemini's {@code generateContent} API, with Gemini's error answers classified for the
 * key pool.
 */
package dev.clauderelay.plugins.gemini;
