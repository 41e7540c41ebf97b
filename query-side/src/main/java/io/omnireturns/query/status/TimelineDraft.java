package io.omnireturns.query.status;

import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of a return's status view opened for change, and the last event on it. Every event applied adds
 * one entry and becomes the view's version together, so the version that makes a redelivered event change nothing
 * is always the last entry's. Part of a {@link ReturnStatusDraft}, which words the entries with
 * {@link TimelineWording}.
 */
@PlainJava
final class TimelineDraft {

    private final List<TimelineEntry> entries = new ArrayList<>();
    private Instant updatedAt;
    private long version;

    static TimelineDraft empty() {
        return new TimelineDraft();
    }

    static TimelineDraft of(List<TimelineEntry> entries, Instant updatedAt, long version) {
        TimelineDraft draft = new TimelineDraft();
        draft.entries.addAll(entries);
        draft.updatedAt = updatedAt;
        draft.version = version;
        return draft;
    }

    void add(EventStamp stamp, String sentence) {
        entries.add(new TimelineEntry(stamp.at(), stamp.sequenceNumber(), stamp.eventName(), sentence));
        updatedAt = stamp.at();
        version = stamp.sequenceNumber();
    }

    List<TimelineEntry> entries() {
        return entries;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Sequence number of the last event applied. */
    long version() {
        return version;
    }
}
