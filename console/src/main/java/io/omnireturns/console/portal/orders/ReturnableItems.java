package io.omnireturns.console.portal.orders;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.ReturnSummary;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.returns.application.ReturnEligibility;
import io.omnireturns.command.policy.eligibility.EligibilityReasonCodes;
import io.omnireturns.command.policy.eligibility.EligibilityRequest;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which items of an order can come back on the web, and why not where they cannot: the eligibility policy (the one
 * the return's decision uses) per line, and what the order's earlier returns already took back. A final-sale item
 * that may come back only when the shop is at fault is shown as such.
 */
@Component
public class ReturnableItems {

    /** One item of the order as the shopper sees it before choosing. */
    public record Item(OrderLine line, int returnable, boolean onlyIfFaulty, List<String> whyNot) {
        public boolean canReturn() {
            return returnable > 0;
        }
    }

    private static final Set<ReturnStatus> GIVEN_UP = Set.of(ReturnStatus.REJECTED, ReturnStatus.CANCELLED,
            ReturnStatus.EXPIRED);

    private final EligibilityPolicy eligibility;
    private final ReturnStatusProjection statusView;
    private final Clock clock;

    ReturnableItems(EligibilityPolicy eligibility, ReturnStatusProjection statusView, Clock clock) {
        this.eligibility = eligibility;
        this.statusView = statusView;
        this.clock = clock;
    }

    public List<Item> of(OrderSnapshot order) {
        Map<String, Integer> alreadyBack = alreadyReturned(order);
        return order.lines().stream().map(line -> item(order, line,
                line.quantity() - alreadyBack.getOrDefault(line.lineId(), 0))).toList();
    }

    private Item item(OrderSnapshot order, OrderLine line, int remaining) {
        if (remaining <= 0) {
            return new Item(line, 0, false, List.of(ReturnEligibility.QUANTITY_EXCEEDS_REMAINING));
        }
        LineDecision anyReason = decide(order, line, remaining, ReturnReason.CHANGED_MIND);
        if (anyReason.isAuthorized()) {
            return new Item(line, remaining, false, List.of());
        }
        LineDecision shopsFault = decide(order, line, remaining, ReturnReason.DEFECTIVE);
        if (shopsFault.isAuthorized()) {
            return new Item(line, remaining, true, List.of(EligibilityReasonCodes.FINAL_SALE));
        }
        return new Item(line, 0, false, shopsFault.reasonCodes());
    }

    private LineDecision decide(OrderSnapshot order, OrderLine line, int quantity, ReturnReason reason) {
        return eligibility.evaluate(new EligibilityRequest(order, SalesChannel.WEB, null,
                List.of(new RequestedLine(line.lineId(), quantity, reason)), clock.instant())).get(0);
    }

    /** Units per line already authorized by the order's other returns (those not rejected, cancelled or expired). */
    private Map<String, Integer> alreadyReturned(OrderSnapshot order) {
        Map<String, Integer> units = new HashMap<>();
        for (ReturnSummary summary : statusView.handle(new SearchReturns(order.orderId(), order.customerId(), null,
                null, null, 0, SearchReturns.MAX_PAGE_SIZE)).content()) {
            if (GIVEN_UP.contains(summary.status())) {
                continue;
            }
            ReturnStatusView view = statusView.handle(new FindReturnStatus(summary.returnId()));
            if (view == null) {
                continue;
            }
            for (ReturnLineView line : view.lines()) {
                units.merge(line.orderLineId(), line.logistics().authorizedQuantity(), Integer::sum);
            }
        }
        return units;
    }
}
