/** The relay's settings, read through MicroProfile Config (environment or system properties). */
package dev.clauderelay.gateway.infrastructure.config;
