/** How the gateway takes in request bodies: its limits and budget on the shared intake. */
package dev.clauderelay.gateway.interfaces.intake;
