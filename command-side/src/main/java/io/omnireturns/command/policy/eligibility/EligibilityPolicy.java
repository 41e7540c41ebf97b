package io.omnireturns.command.policy.eligibility;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.CHANNEL_NOT_ALLOWED;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.DUPLICATE_LINE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.ELIGIBLE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.FINAL_SALE;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.INVALID_QUANTITY;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.ORDER_LINE_NOT_FOUND;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.QUANTITY_EXCEEDS_PURCHASED;
import static io.omnireturns.command.policy.eligibility.EligibilityReasonCodes.RETURN_WINDOW_EXPIRED;

/**
 * Decides, line by line, whether a requested return may go ahead. It judges one request against the
 * order only: quantities already taken by other returns of the order are the order ledger's concern.
 */
public final class EligibilityPolicy {

    private final EligibilityRules rules;

    public EligibilityPolicy(EligibilityRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** One decision per requested line, in request order. */
    public List<LineDecision> evaluate(EligibilityRequest request) {
        Set<String> namedTwice = linesNamedMoreThanOnce(request.lines());
        boolean channelAllowed = rules.allowsReturn(request.order().soldThrough(), request.returnChannel());
        return request.lines().stream()
                .map(line -> decide(line, request, namedTwice.contains(line.orderLineId()), channelAllowed))
                .toList();
    }

    private LineDecision decide(RequestedLine requested, EligibilityRequest request,
                                boolean namedTwice, boolean channelAllowed) {
        Optional<OrderLine> orderLine = request.order().line(requested.orderLineId());
        List<String> refusals = new ArrayList<>();
        if (orderLine.isEmpty()) {
            refusals.add(ORDER_LINE_NOT_FOUND);
        }
        // every occurrence is refused: which of the two quantities the customer meant cannot be known
        if (namedTwice) {
            refusals.add(DUPLICATE_LINE);
        }
        if (requested.quantity() <= 0) {
            refusals.add(INVALID_QUANTITY);
        } else if (orderLine.isPresent() && requested.quantity() > orderLine.get().quantity()) {
            refusals.add(QUANTITY_EXCEEDS_PURCHASED);
        }
        if (!channelAllowed) {
            refusals.add(CHANNEL_NOT_ALLOWED);
        }
        if (orderLine.isPresent()) {
            if (windowExpired(orderLine.get(), request)) {
                refusals.add(RETURN_WINDOW_EXPIRED);
            }
            if (orderLine.get().finalSale() && !finalSaleExceptionApplies(requested.reason())) {
                refusals.add(FINAL_SALE);
            }
        }
        boolean eligible = refusals.isEmpty();
        return new LineDecision(requested.orderLineId(), requested.quantity(),
                eligible ? requested.quantity() : 0,
                eligible ? List.of(ELIGIBLE) : refusals);
    }

    private boolean windowExpired(OrderLine line, EligibilityRequest request) {
        OrderSnapshot order = request.order();
        Instant windowStart = order.fulfilledAt() != null ? order.fulfilledAt() : order.placedAt();
        Instant windowEnd = windowStart.plus(Duration.ofDays(rules.windowDaysFor(line.category())));
        return request.requestedAt().isAfter(windowEnd);
    }

    private boolean finalSaleExceptionApplies(ReturnReason reason) {
        return rules.finalSaleReturnableWhenRetailerFault() && reason != null && reason.isRetailerFault();
    }

    private static Set<String> linesNamedMoreThanOnce(List<RequestedLine> lines) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (RequestedLine line : lines) {
            if (!seen.add(line.orderLineId())) {
                repeated.add(line.orderLineId());
            }
        }
        return repeated;
    }
}
