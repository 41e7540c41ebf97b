package io.omnireturns.command.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;

/** The customer's trust tier as the return records it: once, at the request, with the figures it was read from. */
class TrustAggregateTest {

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 395, 158)
            .paidWith("T1", TenderType.CARD, 1106)
            .build();

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Test
    void a_requested_return_records_the_customers_tier_signals_and_figures_before_it_is_authorized() {
        fixture.given(requested())
                .when(watched())
                .expectEvents(new CustomerTrustAssessed(RETURN_ID, "CUST-1", TrustTier.WATCHED,
                        List.of(ReturnerSignal.HIGH_RETURN_RATE, ReturnerSignal.HIGH_KEEP_IT_SHARE), 365, 4,
                        eur(40_000), eur(60_000), 6_666, 2, 2, 0))
                .expectResultMessagePayload(ReturnStatus.REQUESTED);
    }

    @Test
    void the_tier_is_recorded_once_so_a_request_taken_over_changes_nothing() {
        fixture.given(requested(), authorized(), assessedTrusted())
                .when(watched())
                .expectNoEvents();
    }

    @Test
    void a_cancelled_return_takes_no_assessment() {
        fixture.given(requested(), authorized(), new ReturnCancelled(RETURN_ID, ORDER_ID, "CHANGED_MIND", "CUST-1"))
                .when(watched())
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.RETURN_IS_TERMINAL));
    }

    private static RecordTrustAssessment watched() {
        return new RecordTrustAssessment(RETURN_ID, TrustTier.WATCHED,
                List.of(ReturnerSignal.HIGH_RETURN_RATE, ReturnerSignal.HIGH_KEEP_IT_SHARE), 365, 4, eur(40_000),
                eur(60_000), 6_666, 2, 2, 0);
    }

    private static CustomerTrustAssessed assessedTrusted() {
        return new CustomerTrustAssessed(RETURN_ID, "CUST-1", TrustTier.TRUSTED, List.of(), 365, 1, eur(1_000),
                eur(60_000), 166, 1, 0, 0);
    }

    private static ReturnRequested requested() {
        return new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine("L1", 2, ReturnReason.CHANGED_MIND)), ORDER);
    }

    private static ReturnAuthorized authorized() {
        return new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of())));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
