package io.omnireturns.console.portal.orders;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.returns.application.ReturnRequestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the shopper chose, carried from the items page to the options page to the request: per order line how many
 * come back, why, and the item code wanted instead (an exchange); then how they want their money and the quote they
 * were shown. The idempotency key is minted when the options are shown and kept in that page, so the same page sent
 * twice gives one return.
 */
public class PortalReturnForm {

    private static final Pattern KEY = Pattern.compile("portal-[0-9a-f-]{36}");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** One order line's choice. */
    public static class Line {
        private String orderLineId;
        private Integer quantity;
        private String reason;
        private String replacementSku;

        public Line() {
        }

        Line(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public String getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
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

        boolean chosen() {
            return quantity != null && quantity > 0;
        }

        String sku() {
            return replacementSku == null || replacementSku.isBlank() ? null : replacementSku.strip();
        }
    }

    private List<Line> lines = new ArrayList<>();
    private String refundMethod;
    private String idempotencyKey;
    private String quoteId;

    /** A blank choice per line of the order. */
    static PortalReturnForm fresh(OrderSnapshot order) {
        PortalReturnForm form = new PortalReturnForm();
        order.lines().forEach(line -> form.lines.add(new Line(line.lineId())));
        return form;
    }

    static String newKey() {
        return "portal-" + UUID.randomUUID();
    }

    Optional<String> validKey() {
        return idempotencyKey != null && KEY.matcher(idempotencyKey).matches() ? Optional.of(idempotencyKey)
                : Optional.empty();
    }

    /**
     * The chosen lines, checked against what can come back; every problem, in the shopper's words, goes to
     * {@code problems} (and then nothing is requested).
     */
    List<RequestedLine> chosen(List<ReturnableItems.Item> items, List<String> problems) {
        Map<String, ReturnableItems.Item> byLine = items.stream()
                .collect(Collectors.toMap(item -> item.line().lineId(), Function.identity()));
        List<RequestedLine> chosen = new ArrayList<>();
        for (Line line : lines) {
            if (line == null || !line.chosen()) {
                continue;
            }
            ReturnableItems.Item item = byLine.get(line.orderLineId);
            if (item == null) {
                problems.add("One of the items is not in this order.");
                continue;
            }
            String name = item.line().description();
            Optional<ReturnReason> reason = reason(line.reason);
            if (!item.canReturn()) {
                problems.add(name + " cannot be returned.");
            } else if (line.quantity > item.returnable()) {
                problems.add("You can send back at most " + item.returnable() + " of " + name + ".");
            } else if (reason.isEmpty()) {
                problems.add("Tell us why you are returning " + name + ".");
            } else if (item.onlyIfFaulty() && !reason.get().isRetailerFault()) {
                problems.add(name + " was a final-sale item: it can only come back if it is faulty, arrived damaged "
                        + "or is not what you ordered.");
            } else if (line.sku() != null && !SKU.matcher(line.sku()).matches()) {
                problems.add("The item code for " + name + " should be letters, digits and dashes, like "
                        + "JKT-RAIN-NVY-L.");
            } else {
                chosen.add(new RequestedLine(line.orderLineId, line.quantity, reason.get(), line.sku()));
            }
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add("Choose at least one item to send back.");
        }
        return chosen;
    }

    Optional<RefundMethod> method() {
        try {
            return refundMethod == null ? Optional.empty() : Optional.of(RefundMethod.valueOf(refundMethod));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The request as {@code POST /api/v1/returns} takes it: a web return of the shopper's own order, naming the quote
     * shown, which the decision then honours.
     */
    static ReturnRequestForm request(OrderSnapshot order, RefundMethod method, List<RequestedLine> lines,
                                     String quoteId) {
        return new ReturnRequestForm(order.orderId(), SalesChannel.WEB, null, order.customerId(), method,
                lines.stream().map(line -> new ReturnRequestForm.Line(line.orderLineId(), line.quantity(),
                        line.reason(), line.replacementSku())).toList(),
                quoteId == null || quoteId.isBlank() ? null : quoteId.strip());
    }

    /** The order line of a chosen line, for the options page. */
    static OrderLine lineOf(OrderSnapshot order, RequestedLine line) {
        return order.line(line.orderLineId()).orElseThrow();
    }

    private static Optional<ReturnReason> reason(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(ReturnReason.valueOf(value));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public String getRefundMethod() {
        return refundMethod;
    }

    public void setRefundMethod(String refundMethod) {
        this.refundMethod = refundMethod;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getQuoteId() {
        return quoteId;
    }

    public void setQuoteId(String quoteId) {
        this.quoteId = quoteId;
    }
}
