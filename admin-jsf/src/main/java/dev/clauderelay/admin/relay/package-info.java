/**
 * The gateway's admin REST API as the console sees it: a typed MicroProfile REST Client answering
 * the contract's records ({@code dev.clauderelay.admin.api}), the JSON provider that reads them,
 * and the failures a person can act on. Nothing outside this package sees JSON.
 */
package dev.clauderelay.admin.relay;
