/** JPA implementations of the domain repositories. */
package dev.clauderelay.gateway.infrastructure.persistence.jpa;
