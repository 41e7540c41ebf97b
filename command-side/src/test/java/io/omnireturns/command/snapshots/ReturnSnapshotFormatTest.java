package io.omnireturns.command.snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import io.omnireturns.command.returns.ReturnAggregate;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of returns already stored must keep reading as they were written: the stored document below was written
 * by the return at revision 3 of its snapshots, and a return sourced from the same events today must be written the
 * same, field for field (the format tolerates unknown fields, so a renamed one would be lost without a word).
 * Revision 3 added the hold's reason, which a revision-2 snapshot cannot tell (a retry resumes only a hold a failed
 * step put on): the aggregate's snapshot filter passes such snapshots over, and the return is rebuilt from its events.
 */
class ReturnSnapshotFormatTest {

    private static final Serializer STORED_FORMAT =
            new AxonInfrastructureConfiguration().serializer(new AnnotationRevisionResolver());
    private static final OrderSnapshot ORDER = DemoOrders.webApparelOrder(Instant.parse("2026-11-20T10:00:00Z"));
    private static final String RETURN_ID = "RET-SNAP-FORMAT";
    private static final String STORED_DOCUMENT = "/snapshots/return-aggregate-revision-3.json";
    /** As revision 2 wrote the same return: without the hold's reason, kept quantities and a gift's recipient. */
    private static final String REVISION_2_DOCUMENT = "/snapshots/return-aggregate-revision-2.json";

    @Test
    void a_return_is_snapshotted_field_for_field_as_stored_snapshots_of_revision_3_are() throws IOException {
        SerializedObject<byte[]> written = STORED_FORMAT.serialize(returnWithEveryKindOfState(), byte[].class);

        assertThat(written.getType().getRevision()).isEqualTo("3");
        assertThat(json(written.getData())).isEqualTo(json(stored(STORED_DOCUMENT)));
    }

    @Test
    void a_stored_snapshot_of_revision_3_reads_back_as_the_return_it_was_taken_of() throws IOException {
        ReturnAggregate read = STORED_FORMAT.deserialize(new SimpleSerializedObject<>(stored(STORED_DOCUMENT),
                byte[].class, new SimpleSerializedType(ReturnAggregate.class.getName(), "3")));

        assertThat(read).usingRecursiveComparison().isEqualTo(returnWithEveryKindOfState());
        assertThat(json(STORED_FORMAT.serialize(read, byte[].class).getData())).isEqualTo(json(stored(STORED_DOCUMENT)));
    }

    @Test
    void a_stored_snapshot_of_revision_2_is_passed_over_so_the_return_is_rebuilt_from_its_events() throws IOException {
        // it reads back with no hold reason, so a retry would leave a failed step's hold on for good: it must not be used
        assertThat(json(stored(REVISION_2_DOCUMENT)).has("holdReason")).isFalse();
        AggregateConfigurer<ReturnAggregate> aggregate = AggregateConfigurer.defaultConfiguration(ReturnAggregate.class);
        DefaultConfigurer.defaultConfiguration().configureAggregate(aggregate).buildConfiguration();

        assertThat(aggregate.snapshotFilter().allow(storedSnapshot(REVISION_2_DOCUMENT, "2"))).isFalse();
        assertThat(aggregate.snapshotFilter().allow(storedSnapshot(STORED_DOCUMENT, "3"))).isTrue();
    }

    private static ReturnAggregate returnWithEveryKindOfState() {
        AggregateTestFixture<ReturnAggregate> fixture = new AggregateTestFixture<>(ReturnAggregate.class);
        RefundBreakdown refund = new RefundCalculator(RefundRules.defaults()).calculate(new RefundInput(ORDER,
                RefundMethod.ORIGINAL_TENDER, List.of(new RefundableLine("ORD-1001-L1", 1, Grade.NEW,
                ReturnReason.DEFECTIVE)), PriorRefunds.none("EUR")));
        AtomicReference<ReturnAggregate> live = new AtomicReference<>();
        fixture.given(
                        new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, ORDER.customerId(), ORDER.orderId(),
                                RefundMethod.ORIGINAL_TENDER,
                                List.of(new RequestedLine("ORD-1001-L1", 2, ReturnReason.DEFECTIVE)), ORDER),
                        new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("ORD-1001-L1", 2, 2, List.of("ELIGIBLE")))),
                        new ReturnLabelIssued(RETURN_ID, "DHL", "TRK-1", "https://labels.example/1"),
                        new FraudAssessed(RETURN_ID, 12, false, List.of()),
                        new WarehouseAdvised(RETURN_ID, "DC-EAST", "ADV-1"),
                        new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-EAST",
                                List.of(new ReceivedLine("ORD-1001-L1", 2, null)), List.of()),
                        new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(new InspectedLine("ORD-1001-L1", 1, 1,
                                Grade.NEW, Disposition.RESTOCK, false, "one torn"))),
                        new ReturnInspectionCompleted(RETURN_ID, ORDER.orderId(), RefundMethod.ORIGINAL_TENDER,
                                List.of(new RefundableLine("ORD-1001-L1", 1, Grade.NEW, ReturnReason.DEFECTIVE)),
                                Map.of(), false),
                        new GoodwillGranted(RETURN_ID, PolicyOverride.DEDUCTIONS_WAIVED, "loyal customer", "agent-1"),
                        new RefundApproved(RETURN_ID, refund),
                        new CreditMemoPosted(RETURN_ID, "CM-1", refund.total()),
                        new InventoryAdjusted(RETURN_ID, "ADJ-1", "ORD-1001-L1", "SKU", Disposition.RESTOCK, "DC-EAST", 1),
                        new LoyaltyAdjusted(RETURN_ID, 40, "LOY-1"),
                        new CustomerNotified(RETURN_ID, "RECEIVED", "EMAIL"),
                        new RefundRequested(RETURN_ID, "REFUND-KEY-1", refund.total()),
                        new ExceptionRaised(RETURN_ID, "EX-" + RETURN_ID + "-1", ProcessStep.REFUND_PAYMENT, "REFUND-KEY-1",
                                ExternalSystem.PAYMENT, "TIMEOUT", "no answer", 3),
                        new CaseOpened(RETURN_ID, "EX-" + RETURN_ID + "-1", "CASE-1"),
                        new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT, "no answer",
                                ReturnStatus.REFUND_PENDING),
                        new ReturnNoteAdded(RETURN_ID, "NOTE-1", "called the customer", "agent-1"))
                .when(new AddReturnNote(RETURN_ID, "NOTE-2", "waiting for the bank", "agent-2"))
                .expectState(live::set);
        return live.get();
    }

    private static byte[] stored(String document) throws IOException {
        try (InputStream in = ReturnSnapshotFormatTest.class.getResourceAsStream(document)) {
            assertThat(in).as(document).isNotNull();
            return in.readAllBytes();
        }
    }

    /** A snapshot row as the event store hands it to the snapshot filter. */
    private static DomainEventData<byte[]> storedSnapshot(String document, String revision) throws IOException {
        return new GenericDomainEventEntry<>(ReturnAggregate.class.getSimpleName(), RETURN_ID, 20, "SNAP-" + revision,
                Instant.parse("2026-12-01T10:00:00Z"), ReturnAggregate.class.getName(), revision, stored(document),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(byte[] data) throws IOException {
        return AxonInfrastructureConfiguration.storageObjectMapper().readTree(data);
    }
}
