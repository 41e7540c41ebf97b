package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.ApproveEarlyRefund;
import io.omnireturns.api.returns.command.DecideExchangeDifference;
import io.omnireturns.api.returns.command.RecordClawbackDecision;
import io.omnireturns.api.returns.command.RecordReplacementOrderCreated;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;

/**
 * A trusted customer's exchange settled at the first carrier scan: both units of L1 (50.00 + 10.00 tax each, 120.00
 * EUR) for dearer ones (70.00 each, 140.00), with a 5 % exchange bonus (6.00): 14.00 is charged and the replacement
 * ordered while the parcel is on its way. Inspection finds one unit damaged: the 60.00 it was valued at and its
 * 3.00 bonus are clawed back. Amounts are minor units.
 */
class InstantExchangeAggregateTest {

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .paidWith("T1", TenderType.CARD, 12_000)
            .build();
    private static final Money VALUE = eur(12_000);
    private static final RefundBreakdown DECLARED = new RefundBreakdown("EUR",
            List.of(new LineRefund("L1", 2, eur(10_000), eur(2_000), eur(0), eur(0), VALUE, List.of())), eur(0),
            VALUE, List.of(new TenderRefund("T1", TenderType.CARD, VALUE)));
    private static final String CHARGE_KEY = RETURN_ID + ":CHARGE_DIFFERENCE";
    private static final String CLAWBACK_KEY = RETURN_ID + ":CLAWBACK_CHARGE";
    private static final InspectedLine ONE_DAMAGED = new InspectedLine("L1", 1, 1, Grade.NEW, Disposition.RESTOCK,
            false, "one came back torn");

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Test
    void a_trusted_customers_exchange_in_transit_is_granted_early_at_its_declared_value() {
        fixture.given(inTransit(TrustTier.TRUSTED))
                .when(new ApproveEarlyRefund(RETURN_ID, DECLARED))
                .expectEvents(new EarlyExchangeGranted(RETURN_ID, VALUE, TrustTier.TRUSTED),
                        new RefundApproved(RETURN_ID, DECLARED))
                .expectResultMessagePayload(ReturnStatus.IN_TRANSIT);
    }

    @Test
    void a_second_scan_settles_nothing_more() {
        fixture.given(grantedEarly())
                .when(new ApproveEarlyRefund(RETURN_ID, DECLARED))
                .expectNoEvents();
    }

    @Test
    void a_watched_customers_exchange_is_never_settled_before_inspection() {
        fixture.given(inTransit(TrustTier.WATCHED))
                .when(new ApproveEarlyRefund(RETURN_ID, DECLARED))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.EARLY_REFUND_NOT_ALLOWED));
    }

    @Test
    void the_price_difference_is_decided_while_the_parcel_is_on_its_way() {
        fixture.given(grantedEarly())
                .when(new DecideExchangeDifference(RETURN_ID, VALUE, eur(600), eur(14_000), eur(0), eur(1_400),
                        List.of(), CHARGE_KEY))
                .expectEvents(difference(), chargeRequested());
    }

    @Test
    void without_an_early_grant_the_difference_still_waits_for_inspection() {
        fixture.given(inTransit(TrustTier.TRUSTED))
                .when(new DecideExchangeDifference(RETURN_ID, VALUE, eur(600), eur(14_000), eur(0), eur(1_400),
                        List.of(), CHARGE_KEY))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_NOT_APPROVED));
    }

    @Test
    void the_replacement_is_ordered_before_the_parcel_arrives_and_the_exchange_counts_as_settled() {
        fixture.given(ReturnFixtures.then(grantedEarly(), difference(), chargeRequested(),
                        new DifferenceCharged(RETURN_ID, "PSP-CH-1", eur(1_400))))
                .when(new RecordReplacementOrderCreated(RETURN_ID, "RPL-1"))
                .expectEvents(new ReplacementOrderCreated(RETURN_ID, "RPL-1"))
                .expectResultMessagePayload(ReturnStatus.REFUNDED);
    }

    @Test
    void inspection_claws_back_the_value_not_accepted_with_its_bonus_exactly() {
        Money credited = eur(12_600); // 120.00 + the 6.00 bonus
        Money inspected = eur(6_300); // one unit: 60.00 + its 3.00 bonus
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, inspected, ClawbackKind.CHARGE, eur(6_300),
                        CLAWBACK_KEY))
                .expectEvents(new ClawbackDecided(RETURN_ID, credited, inspected, eur(6_300), ClawbackKind.CHARGE,
                        CLAWBACK_KEY));
    }

    @Test
    void a_clawback_that_forgets_the_bonus_is_refused() {
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, eur(6_000), ClawbackKind.CHARGE, eur(6_000),
                        CLAWBACK_KEY))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_AMOUNT_MISMATCH));
    }

    // ---- histories ------------------------------------------------------------------------------------------

    private static List<Object> inTransit(TrustTier tier) {
        return List.of(
                new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID, RefundMethod.EXCHANGE,
                        List.of(new RequestedLine("L1", 2, ReturnReason.SIZE_OR_FIT, "SKU-L1-XL")), ORDER),
                new SettlementTermsAgreed(RETURN_ID, null, null, Map.of("L1", eur(7_000)), 500, "T1", "CARD-REF-1",
                        0),
                new CustomerTrustAssessed(RETURN_ID, "CUST-1", tier, List.of(), 365, 1, eur(1_000), eur(60_000), 166,
                        1, 0, 0),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of()))),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRACK-1"));
    }

    private static List<Object> grantedEarly() {
        return ReturnFixtures.then(inTransit(TrustTier.TRUSTED),
                new EarlyExchangeGranted(RETURN_ID, VALUE, TrustTier.TRUSTED), new RefundApproved(RETURN_ID, DECLARED));
    }

    private static ExchangeDifferenceDecided difference() {
        return new ExchangeDifferenceDecided(RETURN_ID, VALUE, eur(600), eur(14_000), eur(0), eur(1_400), List.of());
    }

    private static DifferenceChargeRequested chargeRequested() {
        return new DifferenceChargeRequested(RETURN_ID, CHARGE_KEY, eur(1_400), "T1", "CARD-REF-1");
    }

    private static List<Object> inspected() {
        return ReturnFixtures.then(grantedEarly(), difference(), chargeRequested(),
                new DifferenceCharged(RETURN_ID, "PSP-CH-1", eur(1_400)), new ReplacementOrderCreated(RETURN_ID, "RPL-1"),
                new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1", List.of(new ReceivedLine("L1", 2, null)),
                        List.of()),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(ONE_DAMAGED)),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.EXCHANGE,
                        List.of(new RefundableLine("L1", 1, Grade.NEW, ReturnReason.SIZE_OR_FIT)), Map.of(), false));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
