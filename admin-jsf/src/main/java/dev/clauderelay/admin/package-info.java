/**
 * The Claude Relay admin console: a PrimeFaces web application that manages the relay only through
 * the gateway's admin REST API.
 */
package dev.clauderelay.admin;
