package io.omnireturns.command.orchestration.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.orchestration.ProcessProperties;
import io.omnireturns.command.orchestration.process.ProcessTask;
import io.omnireturns.command.orchestration.process.ProcessTiming;
import io.omnireturns.command.orchestration.process.ReturnProcess;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of {@code return_process} already stored must keep reading as they were written: the stored documents below
 * were written by the process as it was before its facts were split into parts, and a process folded from the same
 * events today must be written the same, field for field (the storage mapper tolerates unknown fields, so a field
 * renamed or moved would be lost without a word, and the return's process would forget what happened to it). Written
 * the same, a row is also read as before by a node still running the older code. Documents are compared as JSON
 * trees: the column is {@code jsonb}, which keeps no key order.
 * <p>
 * Two returns, so that between them nearly every fact is set to something other than its default (a fact read into
 * the wrong place, or not at all, would go unnoticed at its default): an exchange and a store-credit refund, both
 * settled at the parcel's first scan, both with a clawback, and the jacket's stock movement in flight at the end.
 */
class StoredProcessFormatTest {

    /** Fields added to the stored process since the rows below were written (see {@link #withoutFieldsAddedSince}). */
    private static final String ADDED_SINCE = "book.earlierRounds";

    private static final ProcessTiming TIMING = ProcessProperties.defaults().timing();
    private static final Instant REQUESTED_AT = Instant.parse("2025-06-02T09:00:00Z");
    private static final OrderSnapshot ORDER = DemoOrders.webApparelOrder(REQUESTED_AT);
    private static final String RETURN_ID = "RET-FORMAT";
    private static final String JACKET = ORDER.orderId() + "-L1";
    private static final String JEANS = ORDER.orderId() + "-L2";
    private static final String CARD = ORDER.orderId() + "-T1";

    /** A document as stored, and the events of the return it was written of. */
    record StoredRow(String document, List<Object> events) {

        @Override
        public String toString() {
            return document;
        }
    }

    static Stream<StoredRow> storedRows() {
        return Stream.of(
                new StoredRow("/process/return-process-exchange-gift-instant.json", exchangeSettledEarly()),
                new StoredRow("/process/return-process-store-credit-instant.json", storeCreditRefundedEarly()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedRows")
    void a_process_is_stored_field_for_field_as_rows_already_stored_are(StoredRow row) throws IOException {
        String written = ProcessStore.write(folded(row.events()));

        assertThat(withoutFieldsAddedSince(json(written))).isEqualTo(json(storedDocument(row)));
    }

    @Test
    void a_row_stored_before_attempts_were_numbered_across_rounds_reads_back_without_them() throws IOException {
        StoredRow escalatedMemo = storedRows().findFirst().orElseThrow();
        JsonNode written = json(ProcessStore.write(folded(escalatedMemo.events())));

        assertThat(written.at("/book/earlierRounds/CLAWBACK_MEMO").asInt()).as("the memo's two attempts kept")
                .isEqualTo(2);
        assertThat(ProcessStore.read(storedDocument(escalatedMemo))).as("an older row: its memo, run again, "
                + "would number its attempts from 1, as the code that wrote it did")
                .extracting("book.earlierRounds").asInstanceOf(InstanceOfAssertFactories.MAP).isEmpty();
    }

    @Test
    void a_process_whose_steps_never_went_to_the_queue_is_stored_without_the_fields_added_for_them() throws IOException {
        StoredRow nothingEscalated = storedRows().skip(1).findFirst().orElseThrow();
        JsonNode written = json(ProcessStore.write(folded(nothingEscalated.events())));

        assertThat(written.at("/book/escalated")).isEmpty();
        assertThat(written.at("/book").has("earlierRounds")).isFalse();
        assertThat(written.at("/book/open").findValues("earlier")).isEmpty();
        assertThat(written).isEqualTo(json(storedDocument(nothingEscalated)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedRows")
    void a_stored_row_reads_back_as_the_process_it_was_written_of(StoredRow row) throws IOException {
        ReturnProcess folded = folded(row.events());

        ReturnProcess read = ProcessStore.read(storedDocument(row));

        // the storage mapper reads a set back as a HashSet: the stored order of its elements is not kept
        assertThat(read).usingRecursiveComparison().ignoringCollectionOrder().ignoringFields(ADDED_SINCE)
                .isEqualTo(folded);
        Instant muchLater = REQUESTED_AT.plus(Duration.ofDays(60));
        assertThat(read.wantedKeys()).isEqualTo(folded.wantedKeys()).isNotEmpty();
        assertThat(read.nextDue(TIMING)).isEqualTo(folded.nextDue(TIMING)).isPresent();
        assertThat(read.overdue(muchLater, TIMING)).isEqualTo(folded.overdue(muchLater, TIMING)).isNotEmpty();
        StepAttemptFailed timedOut = new StepAttemptFailed(RETURN_ID, ProcessStep.ADJUST_INVENTORY,
                "ADJUST_INVENTORY:" + JACKET, ExternalSystem.ERP_INVENTORY, "TIMEOUT", "no answer", true, 1);
        read.apply(timedOut, read.lastSequence() + 1, muchLater);
        folded.apply(timedOut, folded.lastSequence() + 1, muchLater);
        assertThat(read.next(muchLater, TIMING)).as("the stock movement called again, from the facts read")
                .isEqualTo(folded.next(muchLater, TIMING)).isNotEmpty();
    }

    /** Each event its own batch, a minute apart, each followed by {@code next()} as the engine would ask. */
    private static ReturnProcess folded(List<Object> events) {
        ReturnProcess process = ReturnProcess.of(RETURN_ID);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Instant at = REQUESTED_AT.plus(Duration.ofMinutes(sequence));
            process.apply(events.get(sequence), sequence, at);
            process.next(at, TIMING);
        }
        return process;
    }

    /**
     * A gift, exchanged for a dearer jacket at the parcel's first scan of a trusted customer, its price difference
     * taxed by the tax service and charged to the card; the decision overdue once, held twice, the jeans kept, the
     * jacket torn and charged back, the ERP's debit memo in the exception queue.
     */
    private static List<Object> exchangeSettledEarly() {
        String orderId = ORDER.orderId();
        String decision = ProcessTask.ELIGIBILITY_DECISION.render();
        TaxRequest taxRequest = new TaxRequest(RETURN_ID + ":CALCULATE_TAX:1", RETURN_ID, "EUR", List.of(
                new TaxableLine(JACKET, TaxableKind.PRICE_DIFFERENCE, "apparel", eur(4_200), eur(0), "DE", "DE")));
        TaxCalculation taxAnswer = new TaxCalculation("TC-1", "EUR", List.of(new LineTax(JACKET, eur(700), "DE",
                eur(0), "DE")), List.of(new JurisdictionTax("DE", eur(4_200), eur(700))));
        RefundBreakdown refund = new RefundBreakdown("EUR", List.of(new LineRefund(JACKET, 1, eur(8_995),
                eur(1_799), eur(0), eur(0), eur(10_794), List.of())), eur(0), eur(10_794),
                List.of(new TenderRefund(CARD, TenderType.CARD, eur(10_794))));
        return List.of(
                new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, ORDER.customerId(), orderId,
                        RefundMethod.EXCHANGE, List.of(
                        new RequestedLine(JACKET, 1, ReturnReason.SIZE_OR_FIT, "JKT-RAIN-NVY-L"),
                        new RequestedLine(JEANS, 1, ReturnReason.CHANGED_MIND)), ORDER),
                new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", true),
                new SettlementTermsAgreed(RETURN_ID, null, null, Map.of(JACKET, eur(14_994)), 0, CARD,
                        "PSP-CH-1001-1", 0),
                new CustomerTrustAssessed(RETURN_ID, ORDER.customerId(), TrustTier.TRUSTED,
                        List.of(ReturnerSignal.HIGH_KEEP_IT_SHARE), 365, 4, eur(20_000), eur(60_000), 3_333, 1, 2, 0),
                new ExceptionRaised(RETURN_ID, "EX-1", ProcessStep.DECIDE_ELIGIBILITY, decision, ExternalSystem.ORDER,
                        "DECISION_OVERDUE", "not decided in time", 0),
                new ExceptionResolved(RETURN_ID, "EX-1", ProcessStep.DECIDE_ELIGIBILITY, decision, "RETRY", "ops-1"),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision(JACKET, 1, 1, List.of()),
                        new LineDecision(JEANS, 1, 1, List.of()))),
                new ReturnLinesKept(RETURN_ID, orderId, List.of(new KeptLine(JEANS, 1, "KEEP_IT_CATEGORY"))),
                new FraudAssessed(RETURN_ID, 71, true, List.of("HIGH_RETURN_RATE")),
                new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 71",
                        ReturnStatus.AUTHORIZED),
                new ReturnHoldResolved(RETURN_ID, orderId, HoldDecision.RESUME, "known customer", "agent-7",
                        ReturnStatus.AUTHORIZED),
                new ReturnLabelIssued(RETURN_ID, "DHL", "TRK-0001", "https://labels.example/TRK-0001"),
                new WarehouseAdvised(RETURN_ID, ORDER.fulfilmentLocationId(), "ASN-0001"),
                new CustomerNotified(RETURN_ID, "LABEL_ISSUED", "EMAIL"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRK-0001"),
                new EarlyExchangeGranted(RETURN_ID, eur(10_794), TrustTier.TRUSTED),
                new RefundTaxRequested(RETURN_ID, taxRequest, List.of("PRICE_DIFFERENCE")),
                new RefundTaxCalculated(RETURN_ID, taxRequest.requestId(), taxAnswer),
                new RefundApproved(RETURN_ID, refund),
                new RefundTaxApplied(RETURN_ID, "TC-1", List.of("PRICE_DIFFERENCE"),
                        List.of(new JurisdictionTax("DE", eur(4_200), eur(700))), eur(700)),
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(14_994), eur(0), eur(4_200),
                        List.of()),
                new DifferenceChargeRequested(RETURN_ID, RETURN_ID + ":CHARGE_DIFFERENCE", eur(4_200), CARD,
                        "PSP-CH-1001-1"),
                new DifferenceCharged(RETURN_ID, "PSP-CH-1", eur(4_200)),
                new ReplacementOrderCreated(RETURN_ID, "ORD-R-0001"),
                new CreditMemoPosted(RETURN_ID, "CM-0001", eur(10_794)),
                new InventoryAdjusted(RETURN_ID, "MOV-2", JEANS, "JNS-SLIM-IND-32", Disposition.SCRAP,
                        ORDER.fulfilmentLocationId(), 1),
                new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"),
                new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-NORTH", List.of(new ReceivedLine(JACKET, 1, null)),
                        List.of()),
                new CustomerNotified(RETURN_ID, "RECEIVED", "EMAIL"),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(new InspectedLine(JACKET, 0, 1, Grade.DAMAGED,
                        Disposition.SCRAP, true, "torn"))),
                new ReturnInspectionCompleted(RETURN_ID, orderId, RefundMethod.EXCHANGE,
                        List.of(new RefundableLine(JACKET, 0, Grade.DAMAGED, ReturnReason.SIZE_OR_FIT)), Map.of(),
                        true),
                new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE, "torn",
                        ReturnStatus.INSPECTED),
                new ReturnHoldResolved(RETURN_ID, orderId, HoldDecision.RESUME, "as inspected", "agent-7",
                        ReturnStatus.INSPECTED),
                new ClawbackDecided(RETURN_ID, eur(10_794), eur(0), eur(10_794), ClawbackKind.CHARGE,
                        RETURN_ID + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(10_794)),
                new StepAttemptFailed(RETURN_ID, ProcessStep.CLAWBACK_MEMO, "CLAWBACK_MEMO",
                        ExternalSystem.ERP_CREDIT_MEMO, "SERVER_ERROR_503", "the ERP is down", true, 1),
                new ExceptionRaised(RETURN_ID, "EX-2", ProcessStep.CLAWBACK_MEMO, "CLAWBACK_MEMO",
                        ExternalSystem.ERP_CREDIT_MEMO, "SERVER_ERROR_503", "the ERP is down", 5),
                new CaseOpened(RETURN_ID, "EX-2", "CASE-0001"));
    }


    /**
     * Two jackets refunded early as store credit with a bonus, paid and (after its overdue settlement was retried)
     * settled, loyalty reversed; the parcel late and chased, one jacket in it and a wrong item, the missing one charged
     * back, debited in the ERP and its loyalty points given back.
     */
    private static List<Object> storeCreditRefundedEarly() {
        String orderId = ORDER.orderId();
        String settlement = ProcessTask.REFUND_SETTLEMENT.render();
        String receiptExpiry = ProcessTask.RECEIPT_EXPIRY.render();
        Money refunded = eur(21_588);
        Money credited = eur(23_747);
        RefundBreakdown refund = new RefundBreakdown("EUR", List.of(new LineRefund(JACKET, 2, eur(17_990),
                eur(3_598), eur(0), eur(0), refunded, List.of())), eur(0), refunded,
                List.of(new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, refunded)));
        return List.of(
                new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, ORDER.customerId(), orderId,
                        RefundMethod.STORE_CREDIT, List.of(new RequestedLine(JACKET, 2, ReturnReason.CHANGED_MIND)),
                        ORDER),
                new SettlementTermsAgreed(RETURN_ID, null, null, Map.of(), 0, CARD, "PSP-CH-1001-1", 1_000),
                new CustomerTrustAssessed(RETURN_ID, ORDER.customerId(), TrustTier.TRUSTED, List.of(), 365, 1,
                        eur(1_000), eur(60_000), 166, 1, 0, 0),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision(JACKET, 2, 2, List.of()))),
                new FraudAssessed(RETURN_ID, 12, false, List.of()),
                new ReturnLabelIssued(RETURN_ID, "DHL", "TRK-0002", "https://labels.example/TRK-0002"),
                new WarehouseAdvised(RETURN_ID, ORDER.fulfilmentLocationId(), "ASN-0002"),
                new CustomerNotified(RETURN_ID, "LABEL_ISSUED", "EMAIL"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRK-0002"),
                new EarlyRefundGranted(RETURN_ID, refunded, TrustTier.TRUSTED),
                new RefundApproved(RETURN_ID, refund),
                new StoreCreditBonusGranted(RETURN_ID, eur(2_159), credited,
                        List.of(new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, credited))),
                new RefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT", credited),
                new RefundIssued(RETURN_ID, "PSP-RF-1", credited),
                new ExceptionRaised(RETURN_ID, "EX-1", ProcessStep.REFUND_PAYMENT, settlement, ExternalSystem.PAYMENT,
                        "SETTLEMENT_OVERDUE", "the payment gateway has not settled the refund in time", 0),
                new ExceptionResolved(RETURN_ID, "EX-1", ProcessStep.REFUND_PAYMENT, settlement, "RETRY", "ops-1"),
                new RefundSettled(RETURN_ID, "PSP-RF-1"),
                new CreditMemoPosted(RETURN_ID, "CM-0002", credited),
                new LoyaltyAdjusted(RETURN_ID, 237, "LOY-1"),
                new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"),
                new ExceptionRaised(RETURN_ID, "EX-2", ProcessStep.ADVISE_WAREHOUSE, receiptExpiry,
                        ExternalSystem.WAREHOUSE, "PARCEL_MISSING_AFTER_EARLY_REFUND", "the parcel has not arrived", 0),
                new CaseOpened(RETURN_ID, "EX-2", "CASE-0002"),
                new ExceptionResolved(RETURN_ID, "EX-2", ProcessStep.ADVISE_WAREHOUSE, receiptExpiry, "RESUME",
                        "agent-7"),
                new ReturnItemsReceived(RETURN_ID, "RCPT-2", "DC-NORTH", List.of(new ReceivedLine(JACKET, 1, null),
                        new ReceivedLine(JACKET, 1, "TEE-ORG-WHT-L")), List.of()),
                new CustomerNotified(RETURN_ID, "RECEIVED", "EMAIL"),
                new ReturnLinesInspected(RETURN_ID, "INSP-2", List.of(new InspectedLine(JACKET, 1, 0, Grade.NEW,
                        Disposition.RESTOCK, false, null))),
                new ReturnInspectionCompleted(RETURN_ID, orderId, RefundMethod.STORE_CREDIT,
                        List.of(new RefundableLine(JACKET, 1, Grade.NEW, ReturnReason.CHANGED_MIND)),
                        Map.of(JACKET, 1), false),
                new ClawbackDecided(RETURN_ID, credited, eur(11_874), eur(11_873), ClawbackKind.CHARGE,
                        RETURN_ID + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(RETURN_ID, "PSP-CB-2", eur(11_873)),
                new ClawbackMemoPosted(RETURN_ID, "DM-0002", "CM-0002", eur(11_873)),
                new LoyaltyPointsRestored(RETURN_ID, 118, "LOY-2"));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static String storedDocument(StoredRow row) throws IOException {
        try (InputStream in = StoredProcessFormatTest.class.getResourceAsStream(row.document())) {
            assertThat(in).as(row.document()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The stored rows' fields added since these rows were written (the code reads a row without them). */
    private static JsonNode withoutFieldsAddedSince(JsonNode document) {
        ((ObjectNode) document.get("book")).remove("earlierRounds");
        return document;
    }

    private static JsonNode json(String document) throws IOException {
        return AxonInfrastructureConfiguration.storageObjectMapper().readTree(document);
    }
}
