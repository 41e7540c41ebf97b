package io.omnireturns.console.warehouse;

import io.omnireturns.api.query.LogisticsView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.returns.InspectionOutcome;
import io.omnireturns.api.returns.LogisticsState;

/**
 * One line of a return as the bench sees it: what is expected, what arrived, and a marker in words (never colour
 * alone) for a line that is short, over, or brought something unexpected.
 *
 * @param expected   the authorized quantity (0 when the line was not authorized)
 * @param received   the items received that count (wrong items do not)
 * @param marker     the line's logistics in words, e.g. "SHORT by 1"
 * @param markerKind {@code ok}, {@code waiting} or {@code problem}, for the style only
 */
record BenchLine(ReturnLineView line, int expected, int received, int wrongItems, String marker, String markerKind) {

    static BenchLine of(ReturnLineView line, boolean parcelArrived) {
        LogisticsView logistics = line.logistics();
        int expected = logistics.authorizedQuantity();
        int received = logistics.receivedQuantity();
        int wrong = logistics.wrongItemQuantity();
        String marker;
        String kind;
        if (logistics.state() == LogisticsState.NOT_AUTHORIZED) {
            marker = received + wrong > 0 ? "UNEXPECTED: not authorized for return" : "Not expected (not authorized)";
            kind = received + wrong > 0 ? "problem" : "waiting";
        } else if (wrong > 0) {
            marker = "WRONG ITEM: " + wrong + " unexpected" + (received < expected ? ", SHORT by " + (expected - received) : "");
            kind = "problem";
        } else if (received > expected) {
            marker = "OVER by " + (received - expected);
            kind = "problem";
        } else if (logistics.state() == LogisticsState.SHORT || (parcelArrived && received < expected)) {
            int missing = logistics.shortQuantity() > 0 ? logistics.shortQuantity() : expected - received;
            marker = "SHORT by " + missing;
            kind = "problem";
        } else if (received == expected && expected > 0) {
            marker = "Complete";
            kind = "ok";
        } else {
            marker = logistics.state() == LogisticsState.IN_TRANSIT ? "Expected (in transit)" : "Expected";
            kind = "waiting";
        }
        return new BenchLine(line, expected, received, wrong, marker, kind);
    }

    /** More of it may still be received. */
    boolean receivable() {
        return expected > 0 && received < expected;
    }

    /** Received and waiting for its inspection. */
    boolean awaitsInspection() {
        return received > 0 && line.inspection().outcome() == InspectionOutcome.PENDING;
    }
}
