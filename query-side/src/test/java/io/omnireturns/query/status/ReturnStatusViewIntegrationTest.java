package io.omnireturns.query.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.query.MultiSegmentViews;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.query.ReturnStory;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnPage;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.ReturnSummary;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.InspectionOutcome;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LogisticsState;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU_LARGE;
import static io.omnireturns.query.ReturnEvents.SHOES;
import static io.omnireturns.query.ReturnEvents.SHOES_SKU;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.exchangeRequested;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The status view end to end on a real PostgreSQL: return events appended to Axon's event store as the
 * aggregate stores them, projected by the pooled processor, read through the REST API and the query bus.
 */
@QuerySideIntegrationTest
@MultiSegmentViews
class ReturnStatusViewIntegrationTest {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong STORY_START_MINUTES = new AtomicLong();

    @Autowired
    MockMvc mockMvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queryGateway;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_shipped_return_shows_each_status_line_state_and_system_on_its_way_to_completion() throws Exception {
        String returnId = newId("R");
        String orderId = newId("O");
        ReturnStory story = newStory(returnId);

        List<Instant> requestedAndAuthorized = story.then(
                requested(returnId, orderId, "C-100", SalesChannel.WEB, null),
                authorizedInFull(returnId));
        ReturnStatusView authorized = awaitStatus(returnId, ReturnStatus.AUTHORIZED);
        assertThat(authorized.orderId()).isEqualTo(orderId);
        assertThat(authorized.customerId()).isEqualTo("C-100");
        assertThat(authorized.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(authorized.refundMethod()).isEqualTo(RefundMethod.ORIGINAL_TENDER);
        assertThat(authorized.currency()).isEqualTo("EUR");
        assertThat(authorized.createdAt()).isEqualTo(requestedAndAuthorized.get(0));
        assertThat(authorized.updatedAt()).isEqualTo(requestedAndAuthorized.get(1));
        assertThat(authorized.lines()).extracting(ReturnLineView::sku, ReturnLineView::description)
                .containsExactly(tuple(SHIRT_SKU, "Linen shirt, size M"),
                        tuple(SHOES_SKU, "Running shoes, size 42"));
        assertThat(line(authorized, SHIRTS).logistics().state()).isEqualTo(LogisticsState.EXPECTED);
        assertThat(line(authorized, SHIRTS).logistics().authorizedQuantity()).isEqualTo(2);
        assertThat(system(authorized, ExternalSystem.ORDER).state()).isEqualTo("LOOKED_UP");
        assertThat(system(authorized, ExternalSystem.CARRIER).state()).isEqualTo("NOT_STARTED");

        story.then(
                new FraudAssessed(returnId, 12, false, List.of()),
                new ReturnLabelIssued(returnId, "DHL", "JJD000123", "https://labels.example/JJD000123.pdf"),
                new WarehouseAdvised(returnId, "WH-CENTRAL", "ASN-77"),
                new ReturnParcelInTransit(returnId, "DHL", "JJD000123"));
        ReturnStatusView inTransit = awaitVersion(returnId, story.lastSequence());
        assertThat(inTransit.status()).isEqualTo(ReturnStatus.IN_TRANSIT);
        assertThat(inTransit.lines()).allSatisfy(line ->
                assertThat(line.logistics().state()).isEqualTo(LogisticsState.IN_TRANSIT));
        assertThat(system(inTransit, ExternalSystem.CARRIER))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("IN_TRANSIT", "JJD000123");
        assertThat(system(inTransit, ExternalSystem.FRAUD))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("ASSESSED", "score 12");
        assertThat(system(inTransit, ExternalSystem.WAREHOUSE))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("ADVISED", "ASN-77");

        // only the shirts arrive, one of them worn; the shoes never come
        story.then(
                new ReturnItemsReceived(returnId, "RCPT-1", "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                new ReturnLinesInspected(returnId, "INSP-1", List.of(new InspectedLine(SHIRTS, 1, 1, Grade.USED,
                        Disposition.RESTOCK, false, "one shirt worn"))),
                new ReturnInspectionCompleted(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)),
                        Map.of(SHOES, 1), false),
                oneShirtRefunded(returnId),
                new RefundRequested(returnId, returnId + ":refund", eur(3000)),
                new StepAttemptFailed(returnId, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT,
                        "SERVER_ERROR_503", "gateway unavailable", true, 1),
                new RefundFailed(returnId, "GATEWAY_TIMEOUT", "no answer within 10 s", false));
        ReturnStatusView refundPending = awaitVersion(returnId, story.lastSequence());
        assertThat(refundPending.status()).isEqualTo(ReturnStatus.REFUND_PENDING);
        ReturnLineView shirts = line(refundPending, SHIRTS);
        assertThat(shirts.logistics().state()).isEqualTo(LogisticsState.RECEIVED);
        assertThat(shirts.logistics().receivedQuantity()).isEqualTo(2);
        assertThat(shirts.inspection().outcome()).isEqualTo(InspectionOutcome.PARTIALLY_ACCEPTED);
        assertThat(shirts.inspection().acceptedQuantity()).isEqualTo(1);
        assertThat(shirts.inspection().rejectedQuantity()).isEqualTo(1);
        assertThat(shirts.inspection().grade()).isEqualTo(Grade.USED);
        assertThat(shirts.inspection().disposition()).isEqualTo(Disposition.RESTOCK);
        assertThat(shirts.money().refundableAmount()).isEqualTo(eur(3000));
        assertThat(shirts.money().restockingFee()).isEqualTo(eur(0));
        assertThat(shirts.money().refundedAmount()).as("not refunded before the gateway confirms").isNull();
        ReturnLineView shoes = line(refundPending, SHOES);
        assertThat(shoes.logistics().state()).isEqualTo(LogisticsState.SHORT);
        assertThat(shoes.logistics().shortQuantity()).isEqualTo(1);
        assertThat(shoes.inspection().outcome()).isEqualTo(InspectionOutcome.PENDING);
        assertThat(shoes.money().refundableAmount()).isEqualTo(eur(0));
        assertThat(refundPending.refund().approvedTotal()).isEqualTo(eur(3000));
        assertThat(refundPending.refund().requestedAmount()).isEqualTo(eur(3000));
        assertThat(refundPending.refund().refundedTotal()).isEqualTo(eur(0));
        assertThat(refundPending.refund().failures()).singleElement()
                .satisfies(failure -> assertThat(failure.failureCode()).isEqualTo("GATEWAY_TIMEOUT"));
        assertThat(system(refundPending, ExternalSystem.WAREHOUSE).state()).isEqualTo("INSPECTED");
        assertThat(system(refundPending, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("RETRYING", returnId + ":refund");
        assertThat(refundPending.timeline()).extracting(TimelineEntry::event)
                .endsWith("StepAttemptFailed", "RefundFailed");

        List<Instant> lastSteps = story.then(
                new RefundIssued(returnId, "PAY-778", eur(3000)),
                new RefundSettled(returnId, "PAY-778"),
                new CreditMemoPosted(returnId, "CM-2025-0042", eur(3000)),
                new InventoryAdjusted(returnId, "ADJ-1", SHIRTS, SHIRT_SKU, Disposition.RESTOCK, "WH-CENTRAL", 2),
                new LoyaltyAdjusted(returnId, 30, "LOY-9"),
                new CustomerNotified(returnId, "REFUND_ISSUED", "EMAIL"),
                new ReturnCompleted(returnId));
        ReturnStatusView completed = awaitStatus(returnId, ReturnStatus.COMPLETED);
        assertThat(completed.hold()).isNull();
        assertThat(completed.version()).isEqualTo(story.lastSequence());
        assertThat(completed.updatedAt()).isEqualTo(lastSteps.get(lastSteps.size() - 1));
        assertThat(line(completed, SHIRTS).money().refundedAmount()).isEqualTo(eur(3000));
        assertThat(line(completed, SHIRTS).inspection().inventoryAdjustedQuantity()).isEqualTo(2);
        assertThat(completed.refund().refundedTotal()).isEqualTo(eur(3000));
        assertThat(completed.refund().gatewayReference()).isEqualTo("PAY-778");
        assertThat(completed.refund().tenderSplit()).singleElement()
                .satisfies(tender -> assertThat(tender.amount()).isEqualTo(eur(3000)));
        // the tax service is shown only for a return that asked it
        assertThat(completed.systems()).extracting(SystemStateView::system)
                .containsExactly(java.util.Arrays.stream(ExternalSystem.values())
                        .filter(system -> system != ExternalSystem.TAX).toArray(ExternalSystem[]::new));
        assertThat(completed.systems()).extracting(SystemStateView::state).containsExactly(
                "LOOKED_UP", "ASSESSED", "DELIVERED", "INSPECTED", "SETTLED", "POSTED", "ADJUSTED", "NOTIFIED",
                "ADJUSTED");
        assertThat(system(completed, ExternalSystem.ERP_CREDIT_MEMO).reference()).isEqualTo("CM-2025-0042");
        assertThat(system(completed, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::reference, SystemStateView::changedAt)
                .containsExactly("PAY-778", lastSteps.get(1));
        assertThat(completed.refund().settledAt()).isEqualTo(lastSteps.get(1));
        assertThat(completed.openExceptions()).isEmpty();
        assertThat(completed.timeline()).extracting(TimelineEntry::event).containsExactly(
                "ReturnRequested", "ReturnAuthorized", "FraudAssessed", "ReturnLabelIssued", "WarehouseAdvised",
                "ReturnParcelInTransit", "ReturnItemsReceived", "ReturnLinesInspected", "ReturnInspectionCompleted",
                "RefundApproved", "RefundRequested", "StepAttemptFailed", "RefundFailed", "RefundIssued",
                "RefundSettled", "CreditMemoPosted", "InventoryAdjusted", "LoyaltyAdjusted", "CustomerNotified",
                "ReturnCompleted");
        assertThat(completed.timeline()).extracting(TimelineEntry::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L,
                        19L);
        assertThat(completed.timeline().get(0).at()).isEqualTo(requestedAndAuthorized.get(0));
        assertThat(completed.timeline().get(11).description())
                .contains("REFUND_PAYMENT", "attempt 1", "SERVER_ERROR_503");
        assertThat(completed.timeline().get(15).description()).contains("CM-2025-0042", "30.00 EUR");

        // the JSON consumers build against: money in minor units with its currency, instants as ISO-8601
        mockMvc.perform(get("/api/v1/returns/{id}", returnId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.lines[0].money.refundedAmount.minor").value(3000))
                .andExpect(jsonPath("$.lines[0].money.refundedAmount.currency").value("EUR"))
                .andExpect(jsonPath("$.lines[1].logistics.state").value("SHORT"))
                .andExpect(jsonPath("$.createdAt").value(requestedAndAuthorized.get(0).toString()));

        ReturnStatusView fromQueryBus = queryGateway
                .query(new FindReturnStatus(returnId), ResponseTypes.instanceOf(ReturnStatusView.class)).join();
        assertThat(fromQueryBus).isEqualTo(completed);
    }

    @Test
    void an_exchange_shows_its_replacement_order_instead_of_a_refund() throws Exception {
        String returnId = newId("R");
        String orderId = newId("O");
        ReturnStory story = newStory(returnId);
        story.then(
                exchangeRequested(returnId, orderId, "C-150"),
                new ReturnAuthorized(returnId, List.of(new LineDecision(SHIRTS, 2, 2, List.of()))),
                new ReturnItemsReceived(returnId, "RCPT-3", "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                new ReturnLinesInspected(returnId, "INSP-3", List.of(new InspectedLine(SHIRTS, 2, 0, Grade.NEW,
                        Disposition.RESTOCK, false, null))),
                new ReturnInspectionCompleted(returnId, orderId, RefundMethod.EXCHANGE,
                        List.of(new RefundableLine(SHIRTS, 2, Grade.NEW, ReturnReason.SIZE_OR_FIT)), Map.of(), false),
                oneShirtRefunded(returnId),
                new ReplacementOrderCreated(returnId, "O-REPL-" + returnId));

        ReturnStatusView exchanged = awaitVersion(returnId, story.lastSequence());
        assertThat(exchanged.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(system(exchanged, ExternalSystem.ORDER))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("REPLACEMENT_ORDERED", "O-REPL-" + returnId);
        assertThat(system(exchanged, ExternalSystem.PAYMENT).state()).isEqualTo("NOT_REQUIRED");
        mockMvc.perform(get("/api/v1/returns/{id}", returnId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refundMethod").value("EXCHANGE"))
                .andExpect(jsonPath("$.refund.replacementOrderId").value("O-REPL-" + returnId))
                .andExpect(jsonPath("$.lines[0].replacementSku").value(SHIRT_SKU_LARGE))
                .andExpect(jsonPath("$.openExceptions").isEmpty());
    }

    @Test
    void a_wrong_item_puts_the_return_on_hold_until_an_agent_resumes_it() throws Exception {
        String returnId = newId("R");
        String orderId = newId("O");
        ReturnStory story = newStory(returnId);
        story.then(
                requested(returnId, orderId, "C-200", SalesChannel.STORE, "S-042"),
                authorizedInFull(returnId),
                new ReturnItemsReceived(returnId, "RCPT-7", "S-042",
                        List.of(new ReceivedLine(SHIRTS, 1, "SKU-SOMETHING-ELSE")), List.of(SHIRTS)),
                new ReturnPutOnHold(returnId, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                        "wrong item received for line(s) L1", ReturnStatus.AUTHORIZED));

        ReturnStatusView onHold = awaitStatus(returnId, ReturnStatus.ON_HOLD);
        assertThat(onHold.storeId()).isEqualTo("S-042");
        assertThat(onHold.hold().reason()).isEqualTo(HoldReason.INSPECTION_MISMATCH);
        assertThat(onHold.hold().system()).isEqualTo(ExternalSystem.WAREHOUSE);
        assertThat(onHold.hold().detail()).isEqualTo("wrong item received for line(s) L1");
        assertThat(onHold.hold().heldFrom()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThat(line(onHold, SHIRTS).logistics())
                .satisfies(logistics -> {
                    assertThat(logistics.state()).isEqualTo(LogisticsState.WRONG_ITEM);
                    assertThat(logistics.wrongItemQuantity()).isEqualTo(1);
                    assertThat(logistics.receivedQuantity()).isZero();
                });
        assertThat(system(onHold, ExternalSystem.WAREHOUSE).state()).isEqualTo("ON_HOLD");
        assertThat(search("customerId=C-200&status=ON_HOLD").content())
                .filteredOn(summary -> summary.returnId().equals(returnId))
                .singleElement()
                .satisfies(summary -> assertThat(summary.holdReason()).isEqualTo(HoldReason.INSPECTION_MISMATCH));

        story.then(new ReturnHoldResolved(returnId, orderId, HoldDecision.RESUME, "customer sends the right shirt",
                "agent-7", ReturnStatus.AUTHORIZED));
        ReturnStatusView resumed = awaitStatus(returnId, ReturnStatus.AUTHORIZED);
        assertThat(resumed.hold()).isNull();
        assertThat(system(resumed, ExternalSystem.WAREHOUSE).state()).isEqualTo("RESOLVED");
        assertThat(resumed.timeline()).last().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("ReturnHoldResolved");
            assertThat(entry.description()).contains("agent-7", "RESUME");
        });
    }

    @Test
    void search_filters_by_every_criterion_and_pages_newest_first() throws Exception {
        String customerId = newId("C");
        String sharedOrder = newId("O");
        String first = publishReturn(customerId, sharedOrder, SalesChannel.WEB, null, ReturnStatus.REQUESTED);
        String second = publishReturn(customerId, newId("O"), SalesChannel.STORE, "S-1", ReturnStatus.AUTHORIZED);
        String third = publishReturn(customerId, sharedOrder, SalesChannel.WEB, null, ReturnStatus.AUTHORIZED);
        String fourth = publishReturn(customerId, newId("O"), SalesChannel.STORE, "S-2", ReturnStatus.REQUESTED);
        String fifth = publishReturn(customerId, newId("O"), SalesChannel.CONTACT_CENTRE, null, ReturnStatus.REJECTED);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
                assertThat(search("customerId=" + customerId).content())
                        .extracting(ReturnSummary::returnId, ReturnSummary::status)
                        .containsExactly(
                                tuple(fifth, ReturnStatus.REJECTED),
                                tuple(fourth, ReturnStatus.REQUESTED),
                                tuple(third, ReturnStatus.AUTHORIZED),
                                tuple(second, ReturnStatus.AUTHORIZED),
                                tuple(first, ReturnStatus.REQUESTED)));

        ReturnPage firstPage = search("customerId=" + customerId + "&size=2");
        assertThat(firstPage.content()).extracting(ReturnSummary::returnId).containsExactly(fifth, fourth);
        assertThat(firstPage.totalElements()).isEqualTo(5);
        assertThat(firstPage.totalPages()).isEqualTo(3);
        ReturnPage lastPage = search("customerId=" + customerId + "&size=2&page=2");
        assertThat(lastPage.content()).extracting(ReturnSummary::returnId).containsExactly(first);
        assertThat(lastPage.page()).isEqualTo(2);
        assertThat(lastPage.totalElements()).isEqualTo(5);
        ReturnPage beyond = search("customerId=" + customerId + "&size=2&page=3");
        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(5);

        assertThat(search("customerId=" + customerId + "&status=AUTHORIZED").content())
                .extracting(ReturnSummary::returnId).containsExactly(third, second);
        assertThat(search("customerId=" + customerId + "&channel=STORE&storeId=S-2").content())
                .extracting(ReturnSummary::returnId).containsExactly(fourth);
        assertThat(search("orderId=" + sharedOrder).content())
                .extracting(ReturnSummary::returnId).containsExactly(third, first);
        ReturnPage none = search("customerId=" + customerId + "&channel=MARKETPLACE");
        assertThat(none.content()).isEmpty();
        assertThat(none.totalElements()).isZero();
        assertThat(none.totalPages()).isZero();

        ReturnPage throughQueryBus = queryGateway.query(
                new SearchReturns(null, customerId, null, SalesChannel.WEB, null, 0, 20),
                ResponseTypes.instanceOf(ReturnPage.class)).join();
        assertThat(throughQueryBus.content()).extracting(ReturnSummary::returnId).containsExactly(third, first);
    }

    @Test
    void redelivered_events_change_nothing() throws Exception {
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        TrackingToken beforeTheReturn = eventStore.createHeadToken();
        story.then(
                requested(returnId, newId("O"), "C-300", SalesChannel.WEB, null),
                authorizedInFull(returnId),
                new ReturnParcelInTransit(returnId, "UPS", "1Z999"));
        awaitStatus(returnId, ReturnStatus.IN_TRANSIT);
        String before = statusJson(returnId);

        // as after a stolen claim: the processor's tokens move back and it handles the same events again
        StreamingEventProcessor processor = returnStatusProcessor();
        processor.shutDown();
        transactionManager.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(ReturnStatusProjection.PROCESSING_GROUP)) {
                tokenStore.storeToken(beforeTheReturn, ReturnStatusProjection.PROCESSING_GROUP, segment);
                tokenStore.releaseClaim(ReturnStatusProjection.PROCESSING_GROUP, segment);
            }
        });
        processor.start();
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
                assertThat(processor.processingStatus().values())
                        .hasSize(4)
                        .allSatisfy(segment -> assertThat(segment.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head)));

        assertThat(statusJson(returnId)).isEqualTo(before);
    }

    @Test
    void a_reset_clears_the_view_and_the_replay_rebuilds_it_exactly() throws Exception {
        String returnId = newId("R");
        newStory(returnId).then(
                requested(returnId, newId("O"), "C-400", SalesChannel.MARKETPLACE, null),
                authorizedInFull(returnId),
                new ReturnPutOnHold(returnId, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 0.93",
                        ReturnStatus.AUTHORIZED));
        awaitStatus(returnId, ReturnStatus.ON_HOLD);
        String before = statusJson(returnId);

        StreamingEventProcessor processor = returnStatusProcessor();
        processor.shutDown();
        processor.resetTokens();
        mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andExpect(status().isNotFound());
        processor.start();

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(statusJsonOrNull(returnId)).isEqualTo(before));
    }

    @Test
    void an_event_the_database_refuses_is_dead_lettered_with_the_rest_of_its_return_and_retried_after_the_fix()
            throws Exception {
        String returnId = newId("R");
        String constraint = "test_refuses_in_transit_" + returnId.replace('-', '_').toLowerCase();
        // from in transit on: a batch that writes the return once (its last state) is refused too, and its events are
        // then written one by one, so the first refused one is dead-lettered with the rest of its return
        jdbc.execute("ALTER TABLE return_status_view ADD CONSTRAINT " + constraint
                + " CHECK (NOT (return_id = '" + returnId + "' AND status IN ('IN_TRANSIT', 'RECEIVED')))");
        try {
            ReturnStory story = newStory(returnId);
            story.then(
                    requested(returnId, newId("O"), "C-500", SalesChannel.WEB, null),
                    authorizedInFull(returnId),
                    new ReturnParcelInTransit(returnId, "UPS", "1Z777"),
                    new ReturnItemsReceived(returnId, "RCPT-9", "WH-CENTRAL",
                            List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()));
            SequencedDeadLetterQueue<EventMessage<?>> deadLetters = eventProcessing
                    .deadLetterQueue(ReturnStatusProjection.PROCESSING_GROUP).orElseThrow();
            await().atMost(PROJECTION_TIMEOUT).until(() -> deadLetters.sequenceSize(returnId) == 2);
            assertThat(statusOf(returnId).status()).as("the view keeps its last good state")
                    .isEqualTo(ReturnStatus.AUTHORIZED);

            String otherReturn = newId("R");
            newStory(otherReturn).then(requested(otherReturn, newId("O"), "C-500", SalesChannel.WEB, null));
            awaitStatus(otherReturn, ReturnStatus.REQUESTED);
        } finally {
            jdbc.execute("ALTER TABLE return_status_view DROP CONSTRAINT " + constraint);
        }

        SequencedDeadLetterProcessor<EventMessage<?>> retry = eventProcessing
                .sequencedDeadLetterProcessor(ReturnStatusProjection.PROCESSING_GROUP).orElseThrow();
        boolean retried = retry.process(letter ->
                ((ReturnEvent) letter.message().getPayload()).returnId().equals(returnId));
        assertThat(retried).isTrue();
        ReturnStatusView received = statusOf(returnId);
        assertThat(received.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.timeline()).extracting(TimelineEntry::event)
                .containsExactly("ReturnRequested", "ReturnAuthorized", "ReturnParcelInTransit", "ReturnItemsReceived");
    }

    @Test
    void subscribers_of_a_return_receive_every_new_version_of_its_view() {
        String returnId = newId("R");
        List<ReturnStatusView> updates = new CopyOnWriteArrayList<>();
        try (SubscriptionQueryResult<ReturnStatusView, ReturnStatusView> subscription = queryGateway.subscriptionQuery(
                new FindReturnStatus(returnId),
                ResponseTypes.instanceOf(ReturnStatusView.class),
                ResponseTypes.instanceOf(ReturnStatusView.class))) {
            subscription.updates().subscribe(updates::add);
            newStory(returnId).then(
                    requested(returnId, newId("O"), "C-600", SalesChannel.WEB, null),
                    new ReturnRejected(returnId, newId("O"), List.of(
                            new LineDecision(SHIRTS, 2, 0, List.of("RETURN_WINDOW_EXPIRED")),
                            new LineDecision(SHOES, 1, 0, List.of("RETURN_WINDOW_EXPIRED")))));

            await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(updates)
                    .extracting(ReturnStatusView::status)
                    .containsExactly(ReturnStatus.REQUESTED, ReturnStatus.REJECTED));
        }
        ReturnStatusView rejected = updates.get(1);
        assertThat(rejected.lines()).allSatisfy(line -> {
            assertThat(line.logistics().state()).isEqualTo(LogisticsState.NOT_AUTHORIZED);
            assertThat(line.eligibilityReasonCodes()).containsExactly("RETURN_WINDOW_EXPIRED");
        });
    }

    @Test
    void the_status_view_is_built_by_a_pooled_processor_in_four_segments_with_a_dead_letter_queue() {
        assertThat(eventProcessing.eventProcessor(ReturnStatusProjection.PROCESSING_GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
                assertThat(returnStatusProcessor().processingStatus()).containsOnlyKeys(0, 1, 2, 3));
        assertThat(eventProcessing.deadLetterQueue(ReturnStatusProjection.PROCESSING_GROUP)).isPresent();
    }

    @Test
    void an_unknown_return_is_a_not_found_problem() throws Exception {
        mockMvc.perform(get("/api/v1/returns/{id}", "R-does-not-exist"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RETURN_NOT_FOUND"))
                .andExpect(jsonPath("$.status").value(404));
        assertThat(queryGateway.query(new FindReturnStatus("R-does-not-exist"),
                ResponseTypes.instanceOf(ReturnStatusView.class)).join()).isNull();
    }

    @Test
    void page_size_is_capped_at_one_hundred_and_bad_parameters_are_problems() throws Exception {
        mockMvc.perform(get("/api/v1/returns").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(100));
        mockMvc.perform(get("/api/v1/returns"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20));
        expectProblem("size=101", "VALIDATION_FAILED");
        expectProblem("size=0", "VALIDATION_FAILED");
        expectProblem("page=-1", "VALIDATION_FAILED");
        expectProblem("page=first", "INVALID_PARAMETER");
        expectProblem("status=LOST", "INVALID_PARAMETER");
        expectProblem("channel=FAX", "INVALID_PARAMETER");
    }

    private void expectProblem(String query, String code) throws Exception {
        mockMvc.perform(get("/api/v1/returns?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", is(code)));
    }

    /** Publishes a return and takes it as far as the given status. */
    private String publishReturn(String customerId, String orderId, SalesChannel channel, String storeId,
                                 ReturnStatus upTo) {
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        story.then(requested(returnId, orderId, customerId, channel, storeId));
        if (upTo == ReturnStatus.AUTHORIZED) {
            story.then(authorizedInFull(returnId));
        } else if (upTo == ReturnStatus.REJECTED) {
            story.then(new ReturnRejected(returnId, orderId, List.of(
                    new LineDecision(SHIRTS, 2, 0, List.of("FINAL_SALE")),
                    new LineDecision(SHOES, 1, 0, List.of("FINAL_SALE")))));
        }
        return returnId;
    }

    /** Each story starts later than the one before, so "newest first" is known in advance. */
    private ReturnStory newStory(String returnId) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1))
                .plus(Duration.ofMinutes(STORY_START_MINUTES.addAndGet(30)));
        return new ReturnStory(eventStore, returnId, start);
    }

    private StreamingEventProcessor returnStatusProcessor() {
        return eventProcessing.eventProcessor(ReturnStatusProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The view once it has applied the return's events up to the given sequence number. */
    private ReturnStatusView awaitVersion(String returnId, long version) {
        return await().atMost(PROJECTION_TIMEOUT).until(() -> statusOrNull(returnId),
                view -> view != null && view.version() == version);
    }

    private ReturnStatusView awaitStatus(String returnId, ReturnStatus expected) {
        return await().atMost(PROJECTION_TIMEOUT).until(() -> statusOrNull(returnId),
                view -> view != null && view.status() == expected);
    }

    private ReturnStatusView statusOf(String returnId) throws Exception {
        return objectMapper.readValue(statusJson(returnId), ReturnStatusView.class);
    }

    private ReturnStatusView statusOrNull(String returnId) throws Exception {
        String json = statusJsonOrNull(returnId);
        return json == null ? null : objectMapper.readValue(json, ReturnStatusView.class);
    }

    private String statusJson(String returnId) throws Exception {
        return mockMvc.perform(get("/api/v1/returns/{id}", returnId))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String statusJsonOrNull(String returnId) throws Exception {
        MvcResult result = mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andReturn();
        return result.getResponse().getStatus() == 404 ? null : result.getResponse().getContentAsString();
    }

    private ReturnPage search(String query) throws Exception {
        String json = mockMvc.perform(get("/api/v1/returns?" + query))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ReturnPage.class);
    }

    private static ReturnLineView line(ReturnStatusView view, String orderLineId) {
        return view.lines().stream().filter(line -> line.orderLineId().equals(orderLineId)).findFirst().orElseThrow();
    }

    private static SystemStateView system(ReturnStatusView view, ExternalSystem system) {
        return view.systems().stream().filter(state -> state.system() == system).findFirst().orElseThrow();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
