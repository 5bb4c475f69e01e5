/** The relay's use cases, as services the interfaces call. */
package dev.clauderelay.gateway.application;
