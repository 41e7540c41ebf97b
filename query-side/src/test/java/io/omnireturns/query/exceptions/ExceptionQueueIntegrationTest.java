package io.omnireturns.query.exceptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.query.MultiSegmentViews;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ExceptionPage;
import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindException;
import io.omnireturns.api.query.FindExceptions;
import io.omnireturns.api.query.OpenExceptionView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.query.ReturnStory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import java.util.function.Predicate;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.SHOES;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
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
 * The exception queue end to end on a real PostgreSQL: return events appended to Axon's event store as the
 * aggregate stores them, projected by the pooled processor, read through the REST API and the query bus,
 * beside the status view that shows the same exceptions to agents.
 */
@QuerySideIntegrationTest
@MultiSegmentViews
class ExceptionQueueIntegrationTest {

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
    MeterRegistry meterRegistry;

    @Test
    void an_exception_raised_shows_in_the_queue_and_on_the_status_view_with_its_crm_case() throws Exception {
        String returnId = newId("R");
        String orderId = newId("O");
        String exceptionId = "EX-" + returnId + "-1";
        ReturnStory story = refundRequested(returnId, orderId, "C-700");
        List<Instant> times = story.then(
                paymentAttemptFailed(returnId, 1),
                paymentAttemptFailed(returnId, 2),
                paymentAttemptFailed(returnId, 3),
                new ExceptionRaised(returnId, exceptionId, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT",
                        ExternalSystem.PAYMENT, "SERVER_ERROR_503", "gateway unavailable", 3),
                new ReturnPutOnHold(returnId, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                        "REFUND_PAYMENT failed: SERVER_ERROR_503: gateway unavailable", ReturnStatus.REFUND_PENDING),
                new CaseOpened(returnId, exceptionId, "CASE-" + returnId));

        ExceptionView queued = awaitException(exceptionId, view -> view.caseId() != null);
        assertThat(queued).isEqualTo(new ExceptionView(exceptionId, returnId, orderId, "C-700",
                ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT, "SERVER_ERROR_503",
                "gateway unavailable", 3, times.get(3), "CASE-" + returnId, ExceptionState.OPEN, null, null, null));
        assertThat(page("returnId=" + returnId).content()).containsExactly(queued);
        assertThat(page("state=OPEN&system=PAYMENT&returnId=" + returnId).content()).containsExactly(queued);

        // the JSON operations build against: unset fields are left out, instants are ISO-8601
        mockMvc.perform(get("/api/v1/exceptions/{id}", exceptionId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exceptionId").value(exceptionId))
                .andExpect(jsonPath("$.returnId").value(returnId))
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.step").value("REFUND_PAYMENT"))
                .andExpect(jsonPath("$.stepKey").value("REFUND_PAYMENT"))
                .andExpect(jsonPath("$.system").value("PAYMENT"))
                .andExpect(jsonPath("$.failureCode").value("SERVER_ERROR_503"))
                .andExpect(jsonPath("$.attempts").value(3))
                .andExpect(jsonPath("$.raisedAt").value(times.get(3).toString()))
                .andExpect(jsonPath("$.caseId").value("CASE-" + returnId))
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.resolution").doesNotExist());

        ReturnStatusView onHold = awaitStatusVersion(returnId, story.lastSequence());
        assertThat(onHold.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(onHold.hold().reason()).isEqualTo(HoldReason.REFUND_FAILED);
        assertThat(onHold.openExceptions()).singleElement().isEqualTo(new OpenExceptionView(exceptionId,
                ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT, "SERVER_ERROR_503",
                "gateway unavailable", 3, times.get(3), "CASE-" + returnId));
        assertThat(system(onHold, ExternalSystem.PAYMENT)).satisfies(payment -> {
            assertThat(payment.state()).isEqualTo("FAILED");
            assertThat(payment.reference()).isEqualTo(returnId + ":refund");
            assertThat(payment.detail()).startsWith(exceptionId + ":");
        });
        assertThat(system(onHold, ExternalSystem.CRM))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("CASE_OPENED", "CASE-" + returnId);
        assertThat(onHold.timeline()).extracting(entry -> entry.event()).endsWith("StepAttemptFailed",
                "StepAttemptFailed", "StepAttemptFailed", "ExceptionRaised", "ReturnPutOnHold", "CaseOpened");
    }

    @Test
    void a_retried_exception_leaves_the_open_queue_and_the_return_resumes() throws Exception {
        String returnId = newId("R");
        String exceptionId = "EX-" + returnId + "-1";
        List<ExceptionView> updates = new CopyOnWriteArrayList<>();
        try (SubscriptionQueryResult<ExceptionView, ExceptionView> subscription = queryGateway.subscriptionQuery(
                new FindException(exceptionId),
                ResponseTypes.instanceOf(ExceptionView.class),
                ResponseTypes.instanceOf(ExceptionView.class))) {
            subscription.updates().subscribe(updates::add);
            ReturnStory story = refundRequested(returnId, newId("O"), "C-710");
            story.then(
                    new ExceptionRaised(returnId, exceptionId, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT",
                            ExternalSystem.PAYMENT, "TIMEOUT", "no answer after 3 attempts", 3),
                    new ReturnPutOnHold(returnId, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                            "REFUND_PAYMENT failed: TIMEOUT", ReturnStatus.REFUND_PENDING),
                    new CaseOpened(returnId, exceptionId, "CASE-" + returnId));
            awaitException(exceptionId, view -> view.caseId() != null);

            List<Instant> times = story.then(
                    new ExceptionResolved(returnId, exceptionId, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", "RETRY",
                            "ops-anna"),
                    new ReturnHoldResolved(returnId, null, HoldDecision.RESUME, "retry of REFUND_PAYMENT", "ops-anna",
                            ReturnStatus.REFUND_PENDING));

            ExceptionView resolved = awaitException(exceptionId, view -> view.state() == ExceptionState.RESOLVED);
            assertThat(resolved.resolution()).isEqualTo("RETRY");
            assertThat(resolved.resolvedBy()).isEqualTo("ops-anna");
            assertThat(resolved.resolvedAt()).isEqualTo(times.get(0));
            assertThat(resolved.caseId()).isEqualTo("CASE-" + returnId);
            assertThat(page("returnId=" + returnId).content()).isEmpty();
            assertThat(page("state=RESOLVED&returnId=" + returnId).content()).containsExactly(resolved);

            ReturnStatusView resumed = awaitStatusVersion(returnId, story.lastSequence());
            assertThat(resumed.status()).isEqualTo(ReturnStatus.REFUND_PENDING);
            assertThat(resumed.hold()).isNull();
            assertThat(resumed.openExceptions()).isEmpty();
            assertThat(system(resumed, ExternalSystem.PAYMENT))
                    .extracting(SystemStateView::state, SystemStateView::reference)
                    .containsExactly("REQUESTED", returnId + ":refund");

            await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(updates)
                    .extracting(ExceptionView::state, ExceptionView::caseId)
                    .containsExactly(
                            tuple(ExceptionState.OPEN, null),
                            tuple(ExceptionState.OPEN, "CASE-" + returnId),
                            tuple(ExceptionState.RESOLVED, "CASE-" + returnId)));
        }
    }

    @Test
    void the_queue_filters_by_state_system_and_return_and_pages_newest_first() throws Exception {
        String returnId = newId("R");
        ReturnStory story = refundRequested(returnId, newId("O"), "C-720");
        story.then(
                raised(returnId, 1, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT"),
                raised(returnId, 2, ProcessStep.ADJUST_INVENTORY, "ADJUST_INVENTORY:" + SHIRTS),
                raised(returnId, 3, ProcessStep.NOTIFY_CUSTOMER, "NOTIFY_CUSTOMER:RECEIVED"),
                raised(returnId, 4, ProcessStep.REFUND_PAYMENT, "REFUND_SETTLEMENT"),
                raised(returnId, 5, ProcessStep.POST_CREDIT_MEMO, "POST_CREDIT_MEMO"),
                new ExceptionResolved(returnId, exceptionId(returnId, 2), ProcessStep.ADJUST_INVENTORY,
                        "ADJUST_INVENTORY:" + SHIRTS, "RETRY", "ops-ben"));
        awaitException(exceptionId(returnId, 2), view -> view.state() == ExceptionState.RESOLVED);

        assertThat(page("returnId=" + returnId).content()).extracting(ExceptionView::exceptionId).containsExactly(
                exceptionId(returnId, 5), exceptionId(returnId, 4), exceptionId(returnId, 3), exceptionId(returnId, 1));
        assertThat(page("returnId=" + returnId + "&system=PAYMENT").content())
                .extracting(ExceptionView::exceptionId, ExceptionView::stepKey)
                .containsExactly(tuple(exceptionId(returnId, 4), "REFUND_SETTLEMENT"),
                        tuple(exceptionId(returnId, 1), "REFUND_PAYMENT"));
        assertThat(page("returnId=" + returnId + "&state=RESOLVED").content())
                .extracting(ExceptionView::exceptionId).containsExactly(exceptionId(returnId, 2));
        assertThat(page("returnId=" + returnId + "&state=RESOLVED&system=PAYMENT").content()).isEmpty();

        ExceptionPage firstPage = page("returnId=" + returnId + "&size=3");
        assertThat(firstPage.content()).extracting(ExceptionView::exceptionId).containsExactly(
                exceptionId(returnId, 5), exceptionId(returnId, 4), exceptionId(returnId, 3));
        assertThat(firstPage.totalElements()).isEqualTo(4);
        assertThat(firstPage.totalPages()).isEqualTo(2);
        ExceptionPage lastPage = page("returnId=" + returnId + "&size=3&page=1");
        assertThat(lastPage.content()).extracting(ExceptionView::exceptionId).containsExactly(exceptionId(returnId, 1));
        assertThat(lastPage.page()).isEqualTo(1);
        assertThat(lastPage.totalElements()).isEqualTo(4);

        // without a return: the whole queue, open only by default, newest first
        ExceptionPage payments = page("system=PAYMENT&size=100");
        assertThat(payments.content()).allSatisfy(view -> {
            assertThat(view.system()).isEqualTo(ExternalSystem.PAYMENT);
            assertThat(view.state()).isEqualTo(ExceptionState.OPEN);
        });
        assertThat(payments.content()).extracting(ExceptionView::raisedAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(payments.content()).extracting(ExceptionView::exceptionId)
                .contains(exceptionId(returnId, 4), exceptionId(returnId, 1));

        ExceptionPage everyState = queryGateway.query(new FindExceptions(null, null, returnId, 0, 20),
                ResponseTypes.instanceOf(ExceptionPage.class)).join();
        assertThat(everyState.content()).hasSize(5);

        ReturnStatusView view = awaitStatusVersion(returnId, story.lastSequence());
        assertThat(view.openExceptions()).extracting(OpenExceptionView::exceptionId).containsExactly(
                exceptionId(returnId, 1), exceptionId(returnId, 3), exceptionId(returnId, 4), exceptionId(returnId, 5));
        assertThat(system(view, ExternalSystem.PAYMENT).detail()).startsWith(exceptionId(returnId, 4) + ":");
        assertThat(system(view, ExternalSystem.ERP_INVENTORY))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("RESOLVED", "RETRY by ops-ben (" + exceptionId(returnId, 2) + ")");
        assertThat(system(view, ExternalSystem.CRM).state()).isEqualTo("FAILED");
    }

    @Test
    void a_replay_rebuilds_the_same_queue() throws Exception {
        String returnId = newId("R");
        ReturnStory story = refundRequested(returnId, newId("O"), "C-730");
        story.then(
                raised(returnId, 1, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT"),
                new CaseOpened(returnId, exceptionId(returnId, 1), "CASE-1-" + returnId),
                new ExceptionResolved(returnId, exceptionId(returnId, 1), ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT",
                        "RETRY", "ops-cem"),
                raised(returnId, 2, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT"),
                new CaseOpened(returnId, exceptionId(returnId, 2), "CASE-2-" + returnId));
        awaitException(exceptionId(returnId, 2), view -> view.caseId() != null);
        awaitException(exceptionId(returnId, 1), view -> view.state() == ExceptionState.RESOLVED);
        String open = pageJson("returnId=" + returnId);
        String resolved = pageJson("returnId=" + returnId + "&state=RESOLVED");
        assertThat(page("returnId=" + returnId).content()).singleElement()
                .satisfies(view -> assertThat(view.orderId()).isNotNull());

        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(ExceptionQueueProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        mockMvc.perform(get("/api/v1/exceptions/{id}", exceptionId(returnId, 1))).andExpect(status().isNotFound());
        processor.start();

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
            assertThat(pageJson("returnId=" + returnId)).isEqualTo(open);
            assertThat(pageJson("returnId=" + returnId + "&state=RESOLVED")).isEqualTo(resolved);
        });
    }

    @Test
    void the_exception_queue_is_built_by_a_pooled_processor_with_a_dead_letter_queue() {
        assertThat(eventProcessing.eventProcessor(ExceptionQueueProjection.PROCESSING_GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(eventProcessing
                .eventProcessor(ExceptionQueueProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow().processingStatus()).containsOnlyKeys(0, 1));
        assertThat(eventProcessing.deadLetterQueue(ExceptionQueueProjection.PROCESSING_GROUP)).isPresent();
    }

    @Test
    void an_unknown_exception_is_a_not_found_problem_and_bad_parameters_are_problems() throws Exception {
        mockMvc.perform(get("/api/v1/exceptions/{id}", "EX-R-does-not-exist-1"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("EXCEPTION_NOT_FOUND"))
                .andExpect(jsonPath("$.status").value(404));
        assertThat(queryGateway.query(new FindException("EX-R-does-not-exist-1"),
                ResponseTypes.instanceOf(ExceptionView.class)).join()).isNull();

        ExceptionPage defaults = page("");
        assertThat(defaults.page()).isZero();
        assertThat(defaults.size()).isEqualTo(20);
        assertThat(defaults.content()).allSatisfy(view -> assertThat(view.state()).isEqualTo(ExceptionState.OPEN));
        assertThat(page("size=100").size()).isEqualTo(100);
        expectProblem("size=101", "VALIDATION_FAILED");
        expectProblem("size=0", "VALIDATION_FAILED");
        expectProblem("page=-1", "VALIDATION_FAILED");
        expectProblem("state=LOST", "INVALID_PARAMETER");
        expectProblem("system=FAX", "INVALID_PARAMETER");
    }

    @Test
    void the_open_exceptions_gauge_counts_an_exception_per_system_until_it_is_resolved() {
        double before = openGauge(ExternalSystem.LOYALTY);
        String returnId = newId("R");
        String exceptionId = exceptionId(returnId, 1);
        ReturnStory story = refundRequested(returnId, newId("O"), "C-730");
        story.then(raised(returnId, 1, ProcessStep.REVERSE_LOYALTY, "REVERSE_LOYALTY"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
                assertThat(openGauge(ExternalSystem.LOYALTY)).isEqualTo(before + 1));

        story.then(new ExceptionResolved(returnId, exceptionId, ProcessStep.REVERSE_LOYALTY, "REVERSE_LOYALTY", "RETRY",
                "ops-anna"));

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
                assertThat(openGauge(ExternalSystem.LOYALTY)).isEqualTo(before));
    }

    private double openGauge(ExternalSystem system) {
        return meterRegistry.get(ExceptionQueueMetrics.OPEN).tag("system", system.name()).gauge().value();
    }

    private void expectProblem(String query, String code) throws Exception {
        mockMvc.perform(get("/api/v1/exceptions?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", is(code)));
    }

    /** A return whose refund was requested from the payment gateway: where most exceptions arise. */
    private ReturnStory refundRequested(String returnId, String orderId, String customerId) {
        ReturnStory story = newStory(returnId);
        story.then(
                requested(returnId, orderId, customerId, SalesChannel.WEB, null),
                authorizedInFull(returnId),
                new ReturnItemsReceived(returnId, "RCPT-1", "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                new ReturnLinesInspected(returnId, "INSP-1", List.of(new InspectedLine(SHIRTS, 1, 1, Grade.USED,
                        Disposition.RESTOCK, false, null))),
                new ReturnInspectionCompleted(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)),
                        Map.of(SHOES, 1), false),
                oneShirtRefunded(returnId),
                new RefundRequested(returnId, returnId + ":refund", eur(3000)));
        return story;
    }

    private static StepAttemptFailed paymentAttemptFailed(String returnId, int attempt) {
        return new StepAttemptFailed(returnId, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT,
                "SERVER_ERROR_503", "gateway unavailable", true, attempt);
    }

    private static ExceptionRaised raised(String returnId, int number, ProcessStep step, String stepKey) {
        return new ExceptionRaised(returnId, exceptionId(returnId, number), step, stepKey, step.system(),
                "SERVER_ERROR_500", step.system() + " failed", 5);
    }

    private static String exceptionId(String returnId, int number) {
        return "EX-" + returnId + "-" + number;
    }

    /** Each story starts later than the one before, so "newest first" is known in advance. */
    private ReturnStory newStory(String returnId) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1))
                .plus(Duration.ofMinutes(STORY_START_MINUTES.addAndGet(30)));
        return new ReturnStory(eventStore, returnId, start);
    }

    private ExceptionView awaitException(String exceptionId, Predicate<ExceptionView> until) {
        return await().atMost(PROJECTION_TIMEOUT).until(() -> exceptionOrNull(exceptionId),
                view -> view != null && until.test(view));
    }

    private ExceptionView exceptionOrNull(String exceptionId) throws Exception {
        MvcResult result = mockMvc.perform(get("/api/v1/exceptions/{id}", exceptionId)).andReturn();
        return result.getResponse().getStatus() == 404 ? null
                : objectMapper.readValue(result.getResponse().getContentAsString(), ExceptionView.class);
    }

    private ReturnStatusView awaitStatusVersion(String returnId, long version) {
        return await().atMost(PROJECTION_TIMEOUT).until(() -> {
            MvcResult result = mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andReturn();
            return result.getResponse().getStatus() == 404 ? null
                    : objectMapper.readValue(result.getResponse().getContentAsString(), ReturnStatusView.class);
        }, view -> view != null && view.version() == version);
    }

    private ExceptionPage page(String query) throws Exception {
        return objectMapper.readValue(pageJson(query), ExceptionPage.class);
    }

    private String pageJson(String query) throws Exception {
        return mockMvc.perform(get("/api/v1/exceptions?" + query))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static SystemStateView system(ReturnStatusView view, ExternalSystem system) {
        return view.systems().stream().filter(state -> state.system() == system).findFirst().orElseThrow();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
