package io.omnireturns.api.query;

import java.time.Instant;

/** One step in a return's life: when, which event (its sequence number and name) and what it meant. */
public record TimelineEntry(Instant at, long sequenceNumber, String event, String description) {
}
