/**
 * What more than one aggregate uses: key format rules and the column converters of their entities.
 */
package dev.clauderelay.gateway.domain.shared;
