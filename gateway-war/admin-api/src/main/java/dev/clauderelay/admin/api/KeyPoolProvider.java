package dev.clauderelay.admin.api;

import java.io.Serializable;

/**
 * The provider a key-pool answer is about: its strategy's id, session affinity, and whether it can
 * serve now ({@code unavailableReason} null when it can).
 */
public record KeyPoolProvider(
    long id,
    String name,
    String kind,
    String strategy,
    boolean sessionAffinity,
    boolean available,
    String unavailableReason)
    implements Serializable {}
