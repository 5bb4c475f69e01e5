/**
 * Claude accounts: creating them, the OAuth sign-in, keeping their tokens fresh on a timer, and
 * what an upstream answer does to them.
 */
package dev.clauderelay.gateway.application.account;
