/** What more than one aggregate uses: the column converters of their entities. */
package dev.clauderelay.gateway.domain.shared;
