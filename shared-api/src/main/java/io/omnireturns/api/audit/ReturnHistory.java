package io.omnireturns.api.audit;

import java.util.List;

/**
 * Every event of one return in the order it happened (by sequence number).
 *
 * @param complete           false when the return has more events than one answer carries
 * @param nextSequenceNumber where to continue ({@code fromSequenceNumber}) when not complete, null otherwise
 */
public record ReturnHistory(String returnId, List<AuditEvent> events, boolean complete, Long nextSequenceNumber) {

    public ReturnHistory {
        events = List.copyOf(events);
    }
}
