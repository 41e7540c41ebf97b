package io.omnireturns.console.intake;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.returns.application.ReturnRequestForm;
import io.omnireturns.console.shell.WholeNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contact centre's return form as typed: the order looked up, the form's idempotency key (minted when the order
 * was looked up, so sending the same form twice gives the same return), the refund method and, per order line, the
 * quantity to return, the reason and, for an exchange, the replacement SKU. Text fields, so a wrong value is shown back
 * with a message rather than refused as a bad request.
 */
public class StartReturnForm {

    /** The longest SKU the API takes ({@code ReturnRequestForm.Line#replacementSku}). */
    static final int MAX_SKU = 64;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,200}");

    private String orderId;
    private String idempotencyKey;
    private String refundMethod = RefundMethod.ORIGINAL_TENDER.name();
    private List<Line> lines = new ArrayList<>();

    /** One order line of the form. */
    public static class Line {
        private String orderLineId;
        private String quantity;
        private String reason;
        private String replacementSku;

        public Line() {
        }

        Line(String orderLineId) {
            this.orderLineId = orderLineId;
            this.quantity = "0";
        }

        public String getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getReplacementSku() {
            return replacementSku;
        }

        public void setReplacementSku(String replacementSku) {
            this.replacementSku = replacementSku;
        }
    }

    /** A fresh form for the order: nothing chosen, a new idempotency key (or the one kept in the page's address). */
    static StartReturnForm fresh(OrderSnapshot order, String key) {
        StartReturnForm form = new StartReturnForm();
        form.orderId = order.orderId();
        form.idempotencyKey = validKey(key).orElseGet(StartReturnForm::newKey);
        form.lines = new ArrayList<>(order.lines().stream().map(line -> new Line(line.lineId())).toList());
        return form;
    }

    /**
     * The form as typed, its lines in the order's order, one per order line (a line the order lacks is dropped, one
     * missing is added empty): what the page shows again next to a problem.
     */
    StartReturnForm alignedWith(OrderSnapshot order) {
        StartReturnForm aligned = new StartReturnForm();
        aligned.orderId = order.orderId();
        // a form whose key was lost sent nothing: a new key is safe
        aligned.idempotencyKey = validKey(idempotencyKey).orElseGet(StartReturnForm::newKey);
        aligned.refundMethod = refundMethod;
        for (OrderLine orderLine : order.lines()) {
            aligned.lines.add(lines.stream().filter(line -> orderLine.lineId().equals(line.orderLineId)).findFirst()
                    .orElseGet(() -> new Line(orderLine.lineId())));
        }
        return aligned;
    }

    /** A new idempotency key for a form. */
    static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    /** The key if it is one a form could carry (the API takes up to 200 characters). */
    static Optional<String> validKey(String key) {
        return key != null && KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /**
     * The API's request body for this order, as the contact centre asks it: the customer is the order's, the lines are
     * those with a quantity above 0. Null, with the problems added, when the form is not complete.
     */
    ReturnRequestForm toRequest(OrderSnapshot order, List<String> problems) {
        // none chosen: the API's default, the original tender
        RefundMethod method = enumValue(RefundMethod.class, refundMethod, "There is no refund method", problems);
        List<ReturnRequestForm.Line> chosen = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Line line : lines) {
            String lineId = line.orderLineId == null ? "" : line.orderLineId.strip();
            Optional<OrderLine> bought = order.line(lineId);
            if (bought.isEmpty()) {
                problems.add("The order has no line " + lineId + ": look the order up again.");
                continue;
            }
            if (seen.contains(lineId)) {
                problems.add("Line " + lineId + " appears twice: look the order up again.");
                continue;
            }
            seen.add(lineId);
            Integer quantity = WholeNumbers.parse(line.quantity, "Line " + lineId + ": the quantity to return", problems);
            if (quantity == null || quantity == 0) {
                continue;
            }
            if (quantity < 0 || quantity > bought.get().quantity()) {
                problems.add("Line " + lineId + ": the quantity to return is between 0 and "
                        + bought.get().quantity() + " (bought), not " + quantity + ".");
                continue;
            }
            ReturnReason reason = enumValue(ReturnReason.class, line.reason, "Line " + lineId + ": there is no reason",
                    problems);
            if (reason == null) {
                if (blankToNull(line.reason) == null) {
                    problems.add("Line " + lineId + ": choose a reason.");
                }
                continue;
            }
            String sku = blankToNull(line.replacementSku);
            if (sku != null && sku.length() > MAX_SKU) {
                problems.add("Line " + lineId + ": the replacement SKU is at most " + MAX_SKU + " characters.");
                continue;
            }
            chosen.add(new ReturnRequestForm.Line(lineId, quantity, reason, sku));
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add("Enter a quantity to return for at least one line.");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ReturnRequestForm(order.orderId(), SalesChannel.CONTACT_CENTRE, null, order.customerId(), method,
                chosen);
    }

    /** The choice named, null when none was made, or null with a problem ("{@code noSuch} X.") when there is none such. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String noSuch, List<String> problems) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(noSuch + " " + text.strip() + ".");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getRefundMethod() {
        return refundMethod;
    }

    public void setRefundMethod(String refundMethod) {
        this.refundMethod = refundMethod;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
