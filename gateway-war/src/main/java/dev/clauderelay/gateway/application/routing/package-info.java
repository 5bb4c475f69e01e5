/** Which provider and upstream model serve a request, from a table compiled in memory. */
package dev.clauderelay.gateway.application.routing;
