package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;

/**
 * The return's logistics rules, apart from its state: what a receipt and an inspection may say of the lines, and
 * what an inspection leaves to refund or to give back. Each check refuses with a stable code and changes nothing.
 */
final class ReturnLogistics {

    private ReturnLogistics() {
    }

    /** Checks a receipt against the lines; answers the lines that received a wrong item (held, not counted). */
    static List<String> checkReceipt(RecordReceipt command, Map<String, ReturnLine> lines) {
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
            int total = line.receivedQuantity + receivedNow.getOrDefault(received.orderLineId(), 0) + received.quantity();
            if (total > line.authorizedQuantity) {
                throw rule(RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED, "line " + received.orderLineId() + " would have "
                        + total + " received but only " + line.authorizedQuantity + " are authorized");
            }
            receivedNow.merge(received.orderLineId(), received.quantity(), Integer::sum);
        }
        return wrongItemLines;
    }

    /** Checks an inspection against the lines; answers the lines it inspects. */
    static Set<String> checkInspection(RecordInspection command, Map<String, ReturnLine> lines) {
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
        return inspectedNow;
    }

    /** Authorized items that never arrived, by line: given back to the order once inspection is complete. */
    static Map<String, Integer> shortQuantities(Map<String, ReturnLine> lines) {
        Map<String, Integer> shortQuantities = new LinkedHashMap<>();
        lines.values().stream()
                .filter(line -> line.isAuthorized() && line.receivedQuantity < line.authorizedQuantity)
                .forEach(line -> shortQuantities.put(line.orderLineId, line.authorizedQuantity - line.receivedQuantity));
        return shortQuantities;
    }

    /** What inspection accepted, line by line, for the refund decision. */
    static List<RefundableLine> refundable(Map<String, ReturnLine> lines) {
        return lines.values().stream()
                .filter(line -> line.inspected)
                .map(line -> new RefundableLine(line.orderLineId, line.acceptedQuantity, line.grade, line.reason))
                .toList();
    }
}
