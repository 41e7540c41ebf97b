package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordWarehouseAdvised;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireNotTerminal;
import static io.omnireturns.command.returns.ReturnLifecycle.requireStatus;

/**
 * The return's logistics rules, apart from its state: the label, the parcel on its way, what a receipt and an
 * inspection may say of the lines, and what an inspection leaves to refund or to give back. Each decision answers
 * the events to apply (none when the news is already known) or refuses with a stable code; none changes anything.
 */
@PlainJava
final class ReturnLogistics {

    private ReturnLogistics() {
    }

    static List<Object> issueLabel(IssueReturnLabel command, ReturnState state) {
        requireStatus(state, "issue a label for", ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT);
        if (state.labelIssued) {
            return List.of(); // the carrier already issued one; asking again is not a second label
        }
        return List.of(new ReturnLabelIssued(state.returnId, command.carrier(), command.trackingNumber(),
                command.labelUrl()));
    }

    static List<Object> parcelInTransit(RecordParcelInTransit command, ReturnState state) {
        if (state.status == ReturnStatus.IN_TRANSIT || state.anythingReceived() || state.status.isTerminal()) {
            return List.of(); // carriers repeat scans, and report them late: the parcel's news is already known
        }
        requireStatus(state, "put in transit", ReturnStatus.AUTHORIZED);
        return List.of(new ReturnParcelInTransit(state.returnId, command.carrier(), command.trackingNumber()));
    }

    static List<Object> warehouseAdvised(RecordWarehouseAdvised command, ReturnState state) {
        if (state.warehouseAdvised) {
            return List.of();
        }
        requireNotTerminal(state, "advise the warehouse of");
        return List.of(new WarehouseAdvised(state.returnId, command.locationId(), command.adviceReference()));
    }

    /** The receipt to apply, its wrong items named (held, not counted); call only for a receipt not yet recorded. */
    static ReturnItemsReceived receipt(RecordReceipt command, ReturnState state) {
        if (state.refundedEarly()) { // the money went first: the parcel still comes, and is inspected
            requireStatus(state, "receive items for", ReturnStatus.IN_TRANSIT, ReturnStatus.REFUND_PENDING,
                    ReturnStatus.REFUNDED);
        } else {
            requireStatus(state, "receive items for", ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT,
                    ReturnStatus.RECEIVED);
        }
        List<String> wrongItemLines = checkReceipt(command, state.lines);
        return new ReturnItemsReceived(state.returnId, command.receiptId(), command.locationId(), command.lines(),
                wrongItemLines);
    }

    /** The inspection to apply; call only for an inspection not yet recorded. */
    static ReturnLinesInspected inspection(RecordInspection command, ReturnState state) {
        if (state.refundedEarly()) {
            requireStatus(state, "inspect", ReturnStatus.IN_TRANSIT, ReturnStatus.REFUND_PENDING,
                    ReturnStatus.REFUNDED);
        } else {
            requireStatus(state, "inspect", ReturnStatus.RECEIVED);
        }
        checkInspection(command, state.lines);
        return new ReturnLinesInspected(state.returnId, command.inspectionId(), command.lines());
    }

    /** Once an inspection is applied: inspection is complete when no received line waits for one. */
    static List<Object> completion(ReturnLinesInspected inspection, ReturnState state) {
        if (state.lines.values().stream().anyMatch(ReturnLine::awaitsInspection)) {
            return List.of();
        }
        boolean forReview = inspection.lines().stream().anyMatch(InspectedLine::needsManualReview);
        return List.of(new ReturnInspectionCompleted(state.returnId, state.orderId, state.refundMethod,
                refundable(state.lines), shortQuantities(state.lines), forReview));
    }

    /** Checks a receipt against the lines; answers the lines that received a wrong item (held, not counted). */
    private static List<String> checkReceipt(RecordReceipt command, Map<String, ReturnLine> lines) {
        if (command.locationId() == null || command.locationId().isBlank()) {
            throw invalid(LOCATION_REQUIRED, "a receipt names the location that received the items");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw invalid(RETURN_HAS_NO_LINES, "a receipt needs at least one line");
        }
        Map<String, Integer> receivedNow = new LinkedHashMap<>();
        List<String> wrongItemLines = new ArrayList<>();
        for (ReceivedLine received : command.lines()) {
            ReturnLine line = lines.get(received.orderLineId());
            if (line == null || !line.isAuthorized()) {
                throw rule(LINE_NOT_AUTHORIZED, "line " + received.orderLineId() + " is not authorized for return");
            }
            if (received.quantity() <= 0) {
                throw invalid(INVALID_QUANTITY, "line " + received.orderLineId() + " received " + received.quantity());
            }
            if (received.isWrongItem(line.sku)) {
                wrongItemLines.add(received.orderLineId());
                continue;
            }
            int total = line.settledQuantity() + receivedNow.getOrDefault(received.orderLineId(), 0) + received.quantity();
            if (total > line.authorizedQuantity) {
                throw rule(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED, "line " + received.orderLineId() + " would have "
                        + total + " received but only " + line.authorizedQuantity + " are authorized");
            }
            receivedNow.merge(received.orderLineId(), received.quantity(), Integer::sum);
        }
        return wrongItemLines;
    }

    /** Checks an inspection against the lines: each received, inspected once, every item accounted for. */
    private static void checkInspection(RecordInspection command, Map<String, ReturnLine> lines) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw invalid(RETURN_HAS_NO_LINES, "an inspection needs at least one line");
        }
        Set<String> inspectedNow = new HashSet<>();
        for (InspectedLine inspected : command.lines()) {
            ReturnLine line = lines.get(inspected.orderLineId());
            if (line == null || line.receivedQuantity == 0) {
                throw rule(LINE_NOT_RECEIVED, "line " + inspected.orderLineId() + " has nothing received to inspect");
            }
            if (line.inspected || !inspectedNow.add(inspected.orderLineId())) {
                throw illegalState(LINE_ALREADY_INSPECTED, "line " + inspected.orderLineId() + " is already inspected");
            }
            if (inspected.acceptedQuantity() < 0 || inspected.rejectedQuantity() < 0
                    || inspected.acceptedQuantity() + inspected.rejectedQuantity() != line.receivedQuantity) {
                throw rule(INSPECTION_QUANTITY_MISMATCH, "line " + inspected.orderLineId() + ": accepted "
                        + inspected.acceptedQuantity() + " + rejected " + inspected.rejectedQuantity()
                        + " must equal the " + line.receivedQuantity + " received");
            }
            if (inspected.grade() == null || inspected.disposition() == null) {
                throw invalid(GRADE_AND_DISPOSITION_REQUIRED,
                        "line " + inspected.orderLineId() + " needs a grade and a disposition");
            }
        }
    }

    /** Authorized items that never arrived, by line: given back to the order once inspection is complete. */
    private static Map<String, Integer> shortQuantities(Map<String, ReturnLine> lines) {
        Map<String, Integer> shortQuantities = new LinkedHashMap<>();
        lines.values().stream()
                .filter(line -> line.isAuthorized() && line.settledQuantity() < line.authorizedQuantity)
                .forEach(line -> shortQuantities.put(line.orderLineId, line.authorizedQuantity - line.settledQuantity()));
        return shortQuantities;
    }

    /** What inspection accepted, line by line, for the refund decision. */
    private static List<RefundableLine> refundable(Map<String, ReturnLine> lines) {
        return lines.values().stream()
                .filter(line -> line.inspected)
                .map(line -> new RefundableLine(line.orderLineId, line.acceptedQuantity, line.grade, line.reason))
                .toList();
    }
}
