/** Claude accounts: subscription accounts signed in with OAuth, or API key accounts. */
package dev.clauderelay.gateway.domain.model.account;
