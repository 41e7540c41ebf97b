package io.omnireturns.command.snapshots;

import io.omnireturns.api.ledger.QuantityReservation;
import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.ledger.OrderLedgerAggregate;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import io.omnireturns.command.returns.ReturnAggregate;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates are snapshotted with the production serializer; a snapshot that loses state would let a
 * return or an order's ledger start again from nothing. Each aggregate must come back field for field.
 */
class AggregateSnapshotTest {

    private static final Serializer STORED_FORMAT =
            new AxonInfrastructureConfiguration().serializer(new AnnotationRevisionResolver());
    private static final OrderSnapshot ORDER = DemoOrders.webApparelOrder(Instant.parse("2026-11-20T10:00:00Z"));
    private static final String RETURN_ID = "RET-SNAP-1";

    @Test
    void a_return_in_the_middle_of_its_life_comes_back_from_its_snapshot_unchanged() {
        AggregateTestFixture<ReturnAggregate> fixture = new AggregateTestFixture<>(ReturnAggregate.class);
        AtomicReference<ReturnAggregate> live = new AtomicReference<>();

        fixture.given(
                        new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, ORDER.customerId(), ORDER.orderId(),
                                RefundMethod.ORIGINAL_TENDER, List.of(new RequestedLine("ORD-1001-L1", 2, ReturnReason.DEFECTIVE)),
                                ORDER),
                        new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("ORD-1001-L1", 2, 2, List.of("ELIGIBLE")))),
                        new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-EAST",
                                List.of(new ReceivedLine("ORD-1001-L1", 2, null)), List.of()),
                        new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(new InspectedLine("ORD-1001-L1", 1, 1,
                                Grade.DAMAGED, Disposition.SCRAP, false, "torn"))),
                        new ReturnInspectionCompleted(RETURN_ID, ORDER.orderId(), RefundMethod.ORIGINAL_TENDER,
                                List.of(new RefundableLine("ORD-1001-L1", 1, Grade.DAMAGED, ReturnReason.DEFECTIVE)),
                                Map.of(), false))
                .when(new RecordCustomerNotified(RETURN_ID, "RECEIVED", "EMAIL"))
                .expectState(live::set);

        assertThat(roundTrip(live.get(), ReturnAggregate.class)).usingRecursiveComparison().isEqualTo(live.get());
    }

    @Test
    void an_orders_ledger_with_reservations_releases_and_refunds_comes_back_from_its_snapshot_unchanged() {
        AggregateTestFixture<OrderLedgerAggregate> fixture = new AggregateTestFixture<>(OrderLedgerAggregate.class);
        fixture.registerInjectableResource(new RefundCalculator(RefundRules.defaults()));
        var refund = new RefundCalculator(RefundRules.defaults()).calculate(new RefundInput(ORDER,
                RefundMethod.ORIGINAL_TENDER, List.of(new RefundableLine("ORD-1001-L1", 1, Grade.NEW,
                ReturnReason.SIZE_OR_FIT)), PriorRefunds.none("EUR")));
        AtomicReference<OrderLedgerAggregate> live = new AtomicReference<>();

        fixture.given(
                        new ReturnQuantitiesReserved(ORDER.orderId(), RETURN_ID,
                                List.of(new QuantityReservation("ORD-1001-L1", 2, 2, 2)), ORDER),
                        new RefundAllocated(ORDER.orderId(), RETURN_ID, refund))
                .when(new ReleaseReturnQuantities(ORDER.orderId(), RETURN_ID, RETURN_ID + ":short",
                        Map.of("ORD-1001-L1", 1), "never received"))
                .expectState(live::set);

        assertThat(roundTrip(live.get(), OrderLedgerAggregate.class)).usingRecursiveComparison().isEqualTo(live.get());
    }

    private static <T> T roundTrip(T aggregate, Class<T> type) {
        SerializedObject<byte[]> stored = STORED_FORMAT.serialize(aggregate, byte[].class);
        assertThat(new String(stored.getData())).isNotEqualTo("{}");
        return STORED_FORMAT.deserialize(stored);
    }
}
