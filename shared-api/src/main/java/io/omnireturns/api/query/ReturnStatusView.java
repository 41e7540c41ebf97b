package io.omnireturns.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;

import java.time.Instant;
import java.util.List;

/**
 * The canonical status of one return, as agents, channels and the CRM read it.
 *
 * @param hold     why the return waits for a person; set only while the status is {@code ON_HOLD}
 * @param openExceptions steps that exhausted their retries and wait in the exception queue, oldest first;
 *                 empty when none
 * @param currency the order's currency; every amount in the view is in it
 * @param lines    each returned order line with its own logistics, inspection and money state
 * @param refund   the refund figures; amounts stay null until the refund is decided
 * @param systems  one entry per external system, in a fixed order, so a system that lags stands out
 * @param timeline every step of the return, oldest first
 * @param notes    the notes people wrote on the return, oldest first (plain text); empty when none
 * @param trust    the customer's trust tier and serial-returner signals at the request; null (absent in JSON) when
 *                 not assessed
 * @param version  sequence number of the last event in the view; it grows with every change
 */
public record ReturnStatusView(String returnId, String orderId, String customerId, SalesChannel channel,
                               String storeId, ReturnStatus status, HoldView hold,
                               List<OpenExceptionView> openExceptions, RefundMethod refundMethod,
                               String currency, Instant createdAt, Instant updatedAt, List<ReturnLineView> lines,
                               RefundView refund, List<SystemStateView> systems, List<TimelineEntry> timeline,
                               List<NoteView> notes,
                               // left out while null: documents stored before trust tiers read and write unchanged
                               @JsonInclude(JsonInclude.Include.NON_NULL) TrustView trust, long version) {

    public ReturnStatusView {
        // views stored before exceptions were shown have none
        openExceptions = openExceptions == null ? List.of() : List.copyOf(openExceptions);
        lines = List.copyOf(lines);
        systems = List.copyOf(systems);
        timeline = List.copyOf(timeline);
        // views stored before notes existed have none
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
