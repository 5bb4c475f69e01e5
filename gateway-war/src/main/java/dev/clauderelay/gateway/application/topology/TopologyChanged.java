package dev.clauderelay.gateway.application.topology;

/**
 * Fired by admin writes inside their transaction; the topology is rebuilt after it commits.
 *
 * @param what a short description, for the log
 */
public record TopologyChanged(String what) {}
