package dev.clauderelay.plugin.api;

import java.util.random.RandomGenerator;

/**
 * What a key selection strategy may know about the request it selects for.
 *
 * @param sequence a per-pool counter, incremented once per selection; strategies that rotate use it
 *     instead of keeping mutable state
 * @param random the random source to use (seeded in tests); never shared between threads
 * @param model the upstream model the request will use
 * @param nowEpochMillis the relay's clock at selection time, so strategies never read a clock
 */
public record SelectionContext(
    long sequence, RandomGenerator random, String model, long nowEpochMillis) {}
