package io.omnireturns.query.finance;

import io.omnireturns.query.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.finance.ReturnLedgerView;
import io.omnireturns.query.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.accepted;
import static io.omnireturns.query.finance.FinanceFixtures.approved;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static io.omnireturns.query.finance.FinanceFixtures.inspected;
import static io.omnireturns.query.finance.FinanceFixtures.line;
import static io.omnireturns.query.finance.FinanceFixtures.lineRefund;
import static io.omnireturns.query.finance.FinanceFixtures.promotedOrder;
import static io.omnireturns.query.finance.FinanceFixtures.requested;
import static io.omnireturns.query.finance.FinanceFixtures.tender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The finance ledger end to end on a real PostgreSQL: return events appended to Axon's event store with the
 * timestamps a test needs, booked by the pooled processor, read and closed through the REST API, with a clock the
 * test sets. The test classes share one application (and database): each test uses accounting periods of its own.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = {
        // the ledger's two segments of omnireturns-finance.properties (ViewSegments makes it one by default)
        "axon.eventhandling.processors.finance-ledger.initial-segment-count=2"})
@Import(FinanceIntegrationTest.TestClock.class)
abstract class FinanceIntegrationTest {

    static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        MutableClock financeTestClock() {
            return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    @Autowired
    MockMvc mockMvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;
    @Autowired
    MutableClock clock;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    LedgerStory story(String returnId) {
        return new LedgerStory(eventStore, returnId);
    }

    StreamingEventProcessor ledgerProcessor() {
        return eventProcessing.eventProcessor(FinanceLedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** Until the ledger has handled every event stored so far (its tokens move after each commit). */
    void awaitLedgerCaughtUp() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        StreamingEventProcessor processor = ledgerProcessor();
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(processor.processingStatus().values())
                .hasSize(2)
                .allSatisfy(segment -> assertThat(segment.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head)));
    }

    PeriodReconciliation reconciliation(String period) throws Exception {
        return objectMapper.readValue(reconciliationJson(period, ""), PeriodReconciliation.class);
    }

    String reconciliationJson(String period, String query) throws Exception {
        return mockMvc.perform(get("/api/v1/finance/periods/{period}/reconciliation?" + query, period))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    ReturnLedgerView ledger(String returnId) throws Exception {
        return objectMapper.readValue(ledgerJson(returnId), ReturnLedgerView.class);
    }

    String ledgerJson(String returnId) throws Exception {
        MvcResult result = mockMvc.perform(get("/api/v1/finance/returns/{id}/ledger", returnId)).andReturn();
        return result.getResponse().getStatus() == 404 ? null : result.getResponse().getContentAsString();
    }

    /**
     * Two shirts sent back (56.29 = 46.29 + 10.00 tax, to the card), requested at {@code at}; the events follow a
     * second apart. The shirts are restocked when {@code stockedLines} names them.
     */
    LedgerStory shirtsReturn(String returnId, String at, List<String> stockedLines, ReturnEvent... money) {
        OrderSnapshot order = promotedOrder(newId("O"), SalesChannel.WEB);
        List<ReturnEvent> events = new ArrayList<>(List.of(
                requested(returnId, order, SalesChannel.WEB, RefundMethod.ORIGINAL_TENDER,
                        line(SHIRTS, 2, ReturnReason.SIZE_OR_FIT)),
                inspected(returnId, accepted(SHIRTS, 2, Grade.NEW, Disposition.RESTOCK)),
                approved(returnId, eur(0), List.of(lineRefund(SHIRTS, 2, eur(4629), eur(1000), eur(0), eur(0))),
                        List.of(tender("T1", TenderType.CARD, eur(5629))))));
        events.addAll(Arrays.asList(money));
        for (String line : stockedLines) {
            events.add(new InventoryAdjusted(returnId, "ADJ-" + line + "-" + returnId, line, "SKU-SHIRT",
                    Disposition.RESTOCK, "WH-1", 2));
        }
        return story(returnId).at(at, events.toArray(ReturnEvent[]::new));
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
