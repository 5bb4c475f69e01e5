/** The client API: {@code /v1/messages} and {@code /v1/messages/count_tokens}, asynchronous. */
package dev.clauderelay.gateway.interfaces.proxy;
