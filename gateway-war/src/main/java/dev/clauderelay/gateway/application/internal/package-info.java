/** Default implementations of the application services. */
package dev.clauderelay.gateway.application.internal;
