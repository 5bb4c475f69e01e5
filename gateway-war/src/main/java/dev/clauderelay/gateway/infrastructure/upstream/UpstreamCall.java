package dev.clauderelay.gateway.infrastructure.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One request to an upstream, ready to send: the credentials are already among the headers.
 *
 * @param firstByteTimeout how long to wait for the response headers
 */
public record UpstreamCall(
    URI uri,
    Map<String, List<String>> headers,
    byte[] body,
    Duration connectTimeout,
    Duration firstByteTimeout) {}
