package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpErpTest extends HttpConnectorContract {

    private static final CreditMemoRequest MEMO = new CreditMemoRequest("RET-1:POST_CREDIT_MEMO", "RET-1", "ORD-1001",
            "CUS-7", List.of(new LineRefund("L1", 1, eur(2000), eur(380), eur(0), eur(0), eur(2380),
                    List.of("FULL_REFUND"))), eur(495), eur(2875));
    private static final InventoryAdjustmentRequest MOVEMENT = new InventoryAdjustmentRequest("RET-1:ADJUST_INVENTORY:L1",
            "RET-1", "L1", "SKU-RED-M", 1, Disposition.RESTOCK, "DC-1");
    private static final DebitMemoRequest DEBIT = new DebitMemoRequest("RET-1:CLAWBACK_MEMO", "RET-1", "ORD-1001",
            "CUS-7", "CM-2025-0042", eur(1190), "PSP-CB-7");
    private static final String DEBIT_POSTED = """
            {"documentNumber": "DM-2025-0007", "amount": {"minor": 1190, "currency": "EUR"}}""";
    private static final String MEMO_POSTED = """
            {"documentNumber": "CM-2025-0042", "amount": {"minor": 2875, "currency": "EUR"}}""";

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    /** As the connector configuration builds it: one client for the ERP, named by its first part. */
    @Override
    protected ExternalSystem system() {
        return ExternalSystem.ERP_CREDIT_MEMO;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(
                RemoteOperation.post("postCreditMemo", ExternalSystem.ERP_CREDIT_MEMO, "/credit-memos",
                        MEMO.idempotencyKey(), MEMO_POSTED, http -> new HttpErp(http).postCreditMemo(MEMO)),
                RemoteOperation.post("postDebitMemo", ExternalSystem.ERP_CREDIT_MEMO, "/debit-memos",
                        DEBIT.idempotencyKey(), DEBIT_POSTED, http -> new HttpErp(http).postDebitMemo(DEBIT)),
                RemoteOperation.post("adjustInventory", ExternalSystem.ERP_INVENTORY, "/inventory-movements",
                        MOVEMENT.idempotencyKey(), "{\"movementId\": \"MV-9\"}",
                        http -> new HttpErp(http).adjustInventory(MOVEMENT)));
    }

    @Test
    void posts_the_credit_memo_and_reads_its_document_number() {
        wireMock.stubFor(post("/credit-memos").willReturn(okJson(MEMO_POSTED)));

        CreditMemoReceipt receipt = new HttpErp(http).postCreditMemo(MEMO);

        assertThat(receipt).isEqualTo(new CreditMemoReceipt("CM-2025-0042", eur(2875)));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/credit-memos")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:POST_CREDIT_MEMO", "returnId": "RET-1", "orderId": "ORD-1001",
                 "customerId": "CUS-7",
                 "lines": [{"orderLineId": "L1", "quantity": 1,
                            "merchandise": {"minor": 2000, "currency": "EUR"},
                            "tax": {"minor": 380, "currency": "EUR"},
                            "restockingFee": {"minor": 0, "currency": "EUR"},
                            "conditionDeduction": {"minor": 0, "currency": "EUR"},
                            "amount": {"minor": 2380, "currency": "EUR"},
                            "ruleCodes": ["FULL_REFUND"]}],
                 "shippingRefund": {"minor": 495, "currency": "EUR"},
                 "total": {"minor": 2875, "currency": "EUR"}, "taxByJurisdiction": []}""")));
    }

    @Test
    void posts_the_clawback_as_a_debit_memo_against_the_credit_memo_and_reads_its_document_number() {
        wireMock.stubFor(post("/debit-memos").willReturn(okJson(DEBIT_POSTED)));

        DebitMemoReceipt receipt = new HttpErp(http).postDebitMemo(DEBIT);

        assertThat(receipt).isEqualTo(new DebitMemoReceipt("DM-2025-0007", eur(1190)));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/debit-memos"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "RET-1:CLAWBACK_MEMO"))
                .withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:CLAWBACK_MEMO", "returnId": "RET-1", "orderId": "ORD-1001",
                 "customerId": "CUS-7", "creditMemoDocument": "CM-2025-0042",
                 "amount": {"minor": 1190, "currency": "EUR"}, "chargeReference": "PSP-CB-7"}""")));
    }

    @Test
    void a_debit_memo_answered_in_another_currency_is_malformed() {
        wireMock.stubFor(post("/debit-memos").willReturn(okJson("""
                {"documentNumber": "DM-2025-0008", "amount": {"minor": 1190, "currency": "USD"}}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpErp(http).postDebitMemo(DEBIT));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.system()).isEqualTo(ExternalSystem.ERP_CREDIT_MEMO);
    }

    @Test
    void posts_the_tax_per_jurisdiction_and_reads_what_the_erp_posted() {
        CreditMemoRequest taxed = new CreditMemoRequest(MEMO.idempotencyKey(), "RET-1", "ORD-1001", "CUS-7",
                MEMO.lines(), eur(495), eur(2875), List.of(new JurisdictionTax("FR", eur(2000), eur(380))));
        wireMock.stubFor(post("/credit-memos").willReturn(okJson("""
                {"documentNumber": "CM-2025-0043", "amount": {"minor": 2875, "currency": "EUR"},
                 "taxByJurisdiction": [{"jurisdiction": "FR", "taxable": {"minor": 2000, "currency": "EUR"},
                                        "tax": {"minor": 380, "currency": "EUR"}}]}""")));

        CreditMemoReceipt receipt = new HttpErp(http).postCreditMemo(taxed);

        assertThat(receipt.taxByJurisdiction()).containsExactly(new JurisdictionTax("FR", eur(2000), eur(380)));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/credit-memos")).withRequestBody(equalToJson("""
                {"taxByJurisdiction": [{"jurisdiction": "FR", "taxable": {"minor": 2000, "currency": "EUR"},
                                        "tax": {"minor": 380, "currency": "EUR"}}]}""", true, true)));
    }

    @Test
    void an_exchanges_price_difference_tax_is_sent_beside_the_tax_per_jurisdiction() {
        CreditMemoRequest exchange = new CreditMemoRequest(MEMO.idempotencyKey(), "RET-1", "ORD-1001", "CUS-7",
                MEMO.lines(), eur(495), eur(2875), List.of(new JurisdictionTax("FR", eur(2000), eur(380)),
                new JurisdictionTax("DE", eur(-1000), eur(-190))), eur(-190));
        wireMock.stubFor(post("/credit-memos").willReturn(okJson(MEMO_POSTED)));

        CreditMemoReceipt receipt = new HttpErp(http).postCreditMemo(exchange);

        assertThat(receipt.taxByJurisdiction()).isEqualTo(exchange.taxByJurisdiction());
        wireMock.verify(postRequestedFor(urlPathEqualTo("/credit-memos")).withRequestBody(equalToJson("""
                {"priceDifferenceTax": {"minor": -190, "currency": "EUR"}}""", true, true)));
    }

    @Test
    void a_memo_in_another_currency_is_malformed() {
        wireMock.stubFor(post("/credit-memos").willReturn(okJson("""
                {"documentNumber": "CM-2025-0043", "amount": {"minor": 2875, "currency": "GBP"}}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpErp(http).postCreditMemo(MEMO));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
    }

    @Test
    void moves_the_stock_and_reads_the_movement_id() {
        wireMock.stubFor(post("/inventory-movements").willReturn(okJson("{\"movementId\": \"MV-9\"}")));

        InventoryReceipt receipt = new HttpErp(http).adjustInventory(MOVEMENT);

        assertThat(receipt).isEqualTo(new InventoryReceipt("MV-9"));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/inventory-movements")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:ADJUST_INVENTORY:L1", "returnId": "RET-1", "orderLineId": "L1",
                 "sku": "SKU-RED-M", "quantity": 1, "disposition": "RESTOCK", "locationId": "DC-1"}""")));
    }

    @Test
    void credit_memos_and_stock_share_one_circuit_because_they_share_one_erp() {
        wireMock.stubFor(post("/credit-memos").willReturn(serviceUnavailable()));
        HttpErp erp = new HttpErp(http);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) { // the process's attempts of the step
            catchThrowableOfType(ConnectorException.class, () -> erp.postCreditMemo(MEMO));
        }

        ConnectorException failure = catchThrowableOfType(ConnectorException.class, () -> erp.adjustInventory(MOVEMENT));

        assertThat(failure.code()).isEqualTo("CIRCUIT_OPEN");
        assertThat(failure.system()).isEqualTo(ExternalSystem.ERP_INVENTORY);
        wireMock.verify(0, postRequestedFor(urlPathEqualTo("/inventory-movements")));
    }
}
