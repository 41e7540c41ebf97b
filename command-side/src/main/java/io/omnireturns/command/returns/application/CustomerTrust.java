package io.omnireturns.command.returns.application;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.command.policy.trust.CustomerReturnRecord;
import io.omnireturns.command.policy.trust.TrustAssessment;
import io.omnireturns.command.policy.trust.TrustPolicy;
import io.omnireturns.command.policy.trust.TrustProperties;
import io.omnireturns.command.policy.trust.TrustRules;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The request's side of trust tiers: the customer's history read before this return counts in it, the tier the
 * policy reads from it, and this return added to the history. Both run in the request's transaction; the overdue
 * decision (a request that crashed before deciding) adds the return before it records the decision, so a crash in
 * between decides again and writes the same row.
 */
@Component
public class CustomerTrust {

    private final CustomerReturnHistory history;
    private final TrustPolicy policy;
    private final boolean enabled;
    private final TrustRules rules;

    public CustomerTrust(CustomerReturnHistory history, TrustPolicy policy, TrustProperties properties) {
        this.history = history;
        this.policy = policy;
        this.enabled = properties.on();
        this.rules = properties.rules();
    }

    /** The command recording the customer's tier; none for a guest order or with trust tiers switched off. */
    public Optional<RecordTrustAssessment> assess(String returnId, OrderSnapshot order, Instant now) {
        if (!enabled || order.customerId() == null) {
            return Optional.empty();
        }
        CustomerReturnRecord record = history.recordOf(order.customerId(), order.currency(), returnId, now,
                rules.lookBack());
        TrustAssessment assessment = policy.assess(record);
        return Optional.of(new RecordTrustAssessment(returnId, assessment.tier(), assessment.signals(),
                (int) rules.lookBack().toDays(), record.returns(), record.returnedValue(), record.purchasedValue(),
                record.returnRateBasisPoints(), record.returnsLast30Days(), record.keepItReturns(),
                record.instantRefunds()));
    }

    /** This return in its customer's history: the authorized items' value against the order's. */
    public void remember(String returnId, OrderSnapshot order, List<LineDecision> decisions, boolean kept, Instant now) {
        if (order.customerId() == null) {
            return;
        }
        Money returned = Money.zero(order.currency());
        for (LineDecision decision : decisions) {
            Money unitPrice = order.line(decision.orderLineId()).map(OrderLine::unitPrice).orElseThrow();
            returned = returned.plus(unitPrice.times(decision.authorizedQuantity()));
        }
        Money ordered = Money.sum(order.lines().stream().map(OrderLine::grossAmount).toList(), order.currency());
        history.remember(returnId, order.customerId(), order.orderId(), now, returned, ordered, kept);
    }

    /** The return was not authorized after all (its decision failed or it ended first): out of the history. */
    public void forget(String returnId) {
        history.forget(returnId);
    }
}
