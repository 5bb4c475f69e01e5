package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * A page of a pool's keys: {@code total} of them match the filter, {@code items} are those from
 * {@code offset}, at most {@code limit}.
 */
public record KeyPage<T>(
    @JsonProperty(required = true) int total, int offset, int limit, List<T> items)
    implements Serializable {}
