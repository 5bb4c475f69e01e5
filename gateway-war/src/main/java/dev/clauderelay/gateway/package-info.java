/** Claude Relay's gateway: the client API, the admin API and the services behind them. */
package dev.clauderelay.gateway;
