package io.omnireturns.query.audit;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every event that happened in a time range as JSON lines, one {@link io.omnireturns.api.audit.AuditEvent} per
 * line in global index order. It reads one page per statement and writes it out before reading the next, so
 * neither memory nor a database transaction grows with the range.
 */
@Service
public class EventExport {

    /** Global indexes one statement may scan, in pages. */
    private static final int SPAN_PAGES = 10;

    private final EventStoreReader events;
    private final AuditProperties properties;

    public EventExport(EventStoreReader events, AuditProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    /** Refuses a range that is empty, reversed or longer than one export may cover; before anything is written. */
    public void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, AuditErrors.INVALID_TIME_RANGE,
                    "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        Duration maxRange = properties.exportMaxRange();
        if (Duration.between(from, to).compareTo(maxRange) > 0) {
            throw new DomainException(ErrorKind.INVALID_INPUT, AuditErrors.TIME_RANGE_TOO_LONG,
                    "one export covers at most " + maxRange.toDays() + " day(s); split the range");
        }
    }

    /**
     * Writes the events of {@code [from, to)} with a global index above {@code afterGlobalIndex} (-1 for all) that
     * were stored when the export started, one JSON object and a newline each, flushing after every page. The
     * global index is walked in spans of a few pages, so each statement scans a bounded part of the table.
     *
     * @return how many events were written
     */
    public long write(Instant from, Instant to, long afterGlobalIndex, ObjectWriter json, OutputStream out)
            throws IOException {
        checkRange(from, to);
        int pageSize = properties.exportPageSize();
        long span = (long) pageSize * SPAN_PAGES;
        long head = events.headGlobalIndex();
        long after = afterGlobalIndex;
        long written = 0;
        while (after < head) {
            long through = Math.min(head, after + span);
            List<StoredEvent> page = events.eventsBetween(from, to, after, through, pageSize);
            for (StoredEvent event : page) {
                out.write(json.writeValueAsBytes(AuditEvents.of(event)));
                out.write('\n');
            }
            out.flush();
            written += page.size();
            after = page.size() == pageSize ? page.get(page.size() - 1).globalIndex() : through;
        }
        return written;
    }
}
