/**
 * Extension points of Claude Relay and the values they exchange; plugins depend on nothing else.
 *
 * <p>Every extension is pure: it receives everything as arguments and performs no I/O, holds no
 * secrets and reads no clock. The relay owns transport, credentials, persistence and time.
 *
 * <p><b>What the relay guarantees a plugin.</b> Each extension is created once per load and called
 * from many threads at once; a {@link dev.clauderelay.plugin.api.StreamTranslator} is made per
 * stream and called one call at a time. The relay owns transport, credentials, retries, timeouts,
 * logging and persistence. An exception thrown by a plugin fails one request (an {@code api_error}
 * answer or stream event), never the relay; a plugin that cannot be loaded (its constructor throws,
 * its ids clash, it was built for another API major) is listed as failed with the reason and the
 * others load. Plugins may be started, stopped and removed while the relay runs.
 *
 * <p><b>Versions.</b> The current version is {@link dev.clauderelay.plugin.api.PluginApi#VERSION};
 * {@link dev.clauderelay.plugin.api.PluginApi} states the compatibility rule. The API changes only
 * by addition, so a plugin built against an earlier version loads and behaves as it did. 1.0: the
 * first release. 1.1 (per-model quotas and large pools): {@link
 * dev.clauderelay.plugin.api.ErrorClassification#model()} scopes a limit to one model; {@link
 * dev.clauderelay.plugin.api.KeySelectionStrategy#quotaWindowStart} and {@link
 * dev.clauderelay.plugin.api.KeyCandidate#modelRequests()} let a strategy balance per-model quotas;
 * {@link dev.clauderelay.plugin.api.KeyCandidates#maxWeight()} lets a weighted choice sample, and
 * {@link dev.clauderelay.plugin.api.KeyCandidates#bestInWindow} a ranking one read a bounded
 * window. The 1.0 constructors of the two records remain. 1.2 (broken upstreams): {@link
 * dev.clauderelay.plugin.api.SseEventParser} bounds one event ({@link
 * dev.clauderelay.plugin.api.SseEventParser#MAX_EVENT_BYTES} unless given another bound) and throws
 * {@link dev.clauderelay.plugin.api.SseEventTooLargeException} past it; before, such an event grew
 * without limit. 1.3 (no change here): {@code plugin-support}, which the relay provides with this
 * API, gained {@code dev.clauderelay.plugin.support.openai}, the error table of OpenAI-style
 * upstreams; a plugin that uses it needs a 1.3 relay.
 */
package dev.clauderelay.plugin.api;
