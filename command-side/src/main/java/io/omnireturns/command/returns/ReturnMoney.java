package io.omnireturns.command.returns;

import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.returns.ReturnErrors.*;

/**
 * The return's money and settlement rules, apart from its state: what a refund may pay for, what stock may move,
 * and what must be done before the return completes. Each check refuses with a stable code and changes nothing.
 */
final class ReturnMoney {

    private ReturnMoney() {
    }

    /** A refund in the order's currency, for no more units of a line than inspection accepted. */
    static void checkApproval(RefundBreakdown breakdown, String currency, Map<String, ReturnLine> lines) {
        if (!breakdown.currency().equals(currency)) {
            throw rule(CURRENCY_MISMATCH, "refund in " + breakdown.currency() + " for an order in " + currency);
        }
        Map<String, Integer> unitsByLine = new HashMap<>(); // a line may come in parts (units graded differently)
        for (LineRefund refund : breakdown.lines()) {
            ReturnLine line = lines.get(refund.orderLineId());
            int units = unitsByLine.merge(refund.orderLineId(), refund.quantity(), Integer::sum);
            if (line == null || !line.inspected || units > line.acceptedQuantity) {
                throw rule(REFUND_EXCEEDS_ACCEPTED, "line " + refund.orderLineId()
                        + " cannot be refunded for more items than inspection accepted");
            }
        }
    }

    /** Stock moves for an inspected line, under its disposition, for no more than was received; answers the line. */
    static ReturnLine checkInventoryAdjustment(RecordInventoryAdjusted command, ReturnLine line) {
        if (line == null || !line.inspected) {
            throw illegalState(LINE_NOT_INSPECTED, "line " + command.orderLineId() + " is not inspected yet");
        }
        if (command.disposition() != line.disposition) {
            throw rule(DISPOSITION_MISMATCH, "line " + command.orderLineId() + " was dispositioned "
                    + line.disposition + ", not " + command.disposition());
        }
        if (command.quantity() <= 0 || line.inventoryAdjustedQuantity + command.quantity() > line.receivedQuantity) {
            throw rule(INVENTORY_EXCEEDS_RECEIVED, "line " + command.orderLineId() + " received "
                    + line.receivedQuantity + " items; " + line.inventoryAdjustedQuantity + " already adjusted");
        }
        return line;
    }

    /** What the return still waits for before it may complete; empty when nothing. */
    static List<String> missingForCompletion(ReturnStatus status, RefundBreakdown approvedRefund,
                                             String creditMemoDocument, boolean paidThroughGateway,
                                             boolean refundSettled, Collection<ReturnLine> lines,
                                             boolean customerNotified) {
        List<String> missing = new ArrayList<>();
        if (status != ReturnStatus.REFUNDED) {
            missing.add("refund confirmed (return is " + status + ")");
        }
        if (approvedRefund != null && approvedRefund.total().isPositive() && creditMemoDocument == null) {
            missing.add("credit memo posted");
        }
        if (paidThroughGateway && !refundSettled) {
            missing.add("refund settled");
        }
        lines.stream()
                .filter(line -> line.inspected && line.inventoryAdjustedQuantity < line.receivedQuantity)
                .forEach(line -> missing.add("inventory adjusted for line " + line.orderLineId));
        if (!customerNotified) {
            missing.add("customer notified");
        }
        return missing;
    }
}
