/** What every HTTP interface of the relay shares: the JAX-RS application, error answers. */
package dev.clauderelay.gateway.interfaces.rest;
