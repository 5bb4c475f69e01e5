/**
 * A provider plugin for Claude Relay, as a template: Anthropic Messages to Acme Chat, a custom JSON
 * API ({@code POST /generate}, streamed as {@code token} / {@code done} / {@code failure} events),
 * and back. Copy it, rename the package and ids, and change the three classes to your API.
 */
package com.example.relay.acme;
