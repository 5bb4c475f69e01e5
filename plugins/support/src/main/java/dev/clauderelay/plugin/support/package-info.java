/**
 * What every provider plugin needs to answer in Anthropic's terms, in one version the relay
 * provides at run time beside {@code plugin-api}: stream events and whole messages, usage, JSON
 * helpers and degradation reports; in {@code ...support.openai}, how OpenAI-style upstreams' errors
 * map to the relay's error classes.
 *
 * <p>Like the extension points it serves, everything here is pure: no I/O, no CDI, no clock, no
 * secrets. Plugins declare {@code plugin-support} with scope {@code provided} and never embed it.
 */
package dev.clauderelay.plugin.support;
