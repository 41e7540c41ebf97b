package io.omnireturns.command.returns.application;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.command.policy.trust.CustomerReturnRecord;
import io.omnireturns.command.policy.trust.TrustPolicy;
import io.omnireturns.command.policy.trust.TrustProperties;
import io.omnireturns.command.policy.trust.TrustRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The request's side of trust tiers: what it reads, what it records, and what it adds to the customer's history. */
class CustomerTrustTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    // two shirts at 29.99 and a coat at 149.00: 208.98 of merchandise
    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 2999, 1200)
            .withLine("L2", 1, 14900, 2980)
            .paidWith("T1", TenderType.CARD, 24878)
            .build();

    private final CustomerReturnHistory history = mock(CustomerReturnHistory.class);

    @Test
    void the_tier_is_read_from_the_customers_history_without_this_return_over_the_configured_window() {
        CustomerTrust trust = trust(null);
        when(history.recordOf(ORDER.customerId(), "EUR", "RET-1", NOW, Duration.ofDays(365)))
                .thenReturn(new CustomerReturnRecord(ORDER.customerId(), 1, eur(2999), eur(20898), 1, 0, 0));

        Optional<RecordTrustAssessment> assessed = trust.assess("RET-1", ORDER, NOW);

        assertThat(assessed).contains(new RecordTrustAssessment("RET-1", TrustTier.TRUSTED, List.of(), 365, 1,
                eur(2999), eur(20898), 1435, 1, 0, 0));
    }

    @Test
    void with_trust_tiers_off_nothing_is_assessed_but_the_history_is_still_kept() {
        CustomerTrust trust = trust(false);

        assertThat(trust.assess("RET-1", ORDER, NOW)).isEmpty();
        verifyNoInteractions(history);

        trust.remember("RET-1", ORDER, List.of(new LineDecision("L1", 2, 1, List.of())), false, NOW);
        verify(history).remember("RET-1", ORDER.customerId(), ORDER.orderId(), NOW, eur(2999), eur(20898), false);
    }

    @Test
    void the_history_gets_the_authorized_items_at_their_unit_price_and_the_orders_merchandise_exactly() {
        CustomerTrust trust = trust(null);

        trust.remember("RET-1", ORDER, List.of(new LineDecision("L1", 2, 2, List.of()),
                new LineDecision("L2", 1, 0, List.of("OUTSIDE_RETURN_WINDOW"))), true, NOW);

        verify(history).remember("RET-1", ORDER.customerId(), ORDER.orderId(), NOW, eur(5998), eur(20898), true);
    }

    @Test
    void a_guest_order_has_no_customer_to_assess_or_remember() {
        CustomerTrust trust = trust(null);
        OrderSnapshot guest = new OrderSnapshot(ORDER.orderId(), null, ORDER.soldThrough(), ORDER.soldAtStoreId(),
                ORDER.placedAt(), ORDER.fulfilledAt(), ORDER.fulfilmentLocationId(), ORDER.currency(), ORDER.lines(),
                ORDER.promotions(), ORDER.shippingCharged(), ORDER.shippingTax(), ORDER.tenders());

        assertThat(trust.assess("RET-1", guest, NOW)).isEmpty();
        trust.remember("RET-1", guest, List.of(new LineDecision("L1", 2, 2, List.of())), false, NOW);

        verifyNoInteractions(history);
    }

    private CustomerTrust trust(Boolean enabled) {
        TrustProperties properties = new TrustProperties(enabled, null, null, null, null, null, null, null, null,
                null);
        return new CustomerTrust(history, new TrustPolicy(TrustRules.defaults()), properties);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
