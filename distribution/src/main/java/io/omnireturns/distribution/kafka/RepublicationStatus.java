package io.omnireturns.distribution.kafka;

import java.time.Instant;

/**
 * One re-publication: the canonical events of every event stored from {@code from} up to the head of the store as it
 * was when it started, sent again (same ids) to {@code topic}.
 *
 * @param id              its id, for {@code GET /api/v1/admin/kafka/republications/{id}}
 * @param state           {@code RUNNING}, {@code COMPLETED} or {@code FAILED} (start it again: consumers
 *                        de-duplicate on the event id)
 * @param topic           where the events go
 * @param from            the first event's earliest storage time
 * @param requestedBy     the operator
 * @param startedAt       when it started
 * @param finishedAt      when it completed or failed; null while running
 * @param upToPosition    the store's head (global index) when it started: the last event it sends; -1 for an empty
 *                        store
 * @param position        the global index of the last event read; null before the first
 * @param eventsRead      events of the store read so far
 * @param eventsPublished canonical events the broker acknowledged so far
 * @param error           why it failed; null otherwise
 */
public record RepublicationStatus(String id, String state, String topic, Instant from, String requestedBy,
                                  Instant startedAt, Instant finishedAt, long upToPosition, Long position,
                                  long eventsRead, long eventsPublished, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
