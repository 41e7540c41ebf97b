package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpPaymentGatewayTest extends HttpConnectorContract {

    private static final Money AMOUNT = Money.of(4599, "EUR");
    private static final RefundInstruction INSTRUCTION = new RefundInstruction("RET-1:REFUND_PAYMENT", "RET-1",
            "ORD-1001", List.of(new TenderRefund("TND-1", TenderType.CARD, AMOUNT)), AMOUNT);
    private static final ChargeInstruction CHARGE = new ChargeInstruction("RET-1:CHARGE_DIFFERENCE", "RET-1",
            "ORD-1001", "TND-1", "PSP-1", Money.of(4200, "EUR"));
    private static final GiftCardInstruction GIFT_CARD = new GiftCardInstruction("RET-1:REFUND_PAYMENT", "RET-1",
            "ORD-1003", Money.of(8394, "EUR"),
            CreditRecipient.giftRecipient("Ada Lovelace", "ada@example.com"));
    private static final String GIFT_CARD_ISSUED = """
            {"gatewayReference": "GW-GC-3", "maskedCode": "****-****-4821",
             "amount": {"minor": 8394, "currency": "EUR"}}""";
    private static final String CHARGED = """
            {"gatewayReference": "GW-CH-9", "amount": {"minor": 4200, "currency": "EUR"}}""";
    private static final String SETTLED = """
            {"gatewayReference": "GW-778", "amount": {"minor": 4599, "currency": "EUR"}, "status": "SETTLED"}""";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.PAYMENT;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("refund", ExternalSystem.PAYMENT, "/refunds",
                INSTRUCTION.idempotencyKey(), SETTLED, http -> new HttpPaymentGateway(http).refund(INSTRUCTION)),
                RemoteOperation.post("charge", ExternalSystem.PAYMENT, "/charges", CHARGE.idempotencyKey(), CHARGED,
                        http -> new HttpPaymentGateway(http).charge(CHARGE)),
                RemoteOperation.post("gift card", ExternalSystem.PAYMENT, "/gift-cards", GIFT_CARD.idempotencyKey(),
                        GIFT_CARD_ISSUED, http -> new HttpPaymentGateway(http).issueGiftCard(GIFT_CARD)));
    }

    @Test
    void charges_the_difference_to_the_card_under_the_idempotency_key() {
        wireMock.stubFor(post("/charges").willReturn(okJson(CHARGED)));

        ChargeReceipt receipt = new HttpPaymentGateway(http).charge(CHARGE);

        assertThat(receipt).isEqualTo(new ChargeReceipt("GW-CH-9", Money.of(4200, "EUR")));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/charges"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("RET-1:CHARGE_DIFFERENCE"))
                .withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:CHARGE_DIFFERENCE", "returnId": "RET-1", "orderId": "ORD-1001",
                 "tenderId": "TND-1", "cardReference": "PSP-1", "amount": {"minor": 4200, "currency": "EUR"}}""")));
    }

    @Test
    void issues_a_gift_card_to_the_recipient_under_the_idempotency_key_naming_no_tender_of_the_buyer() {
        wireMock.stubFor(post("/gift-cards").willReturn(okJson(GIFT_CARD_ISSUED)));

        GiftCardReceipt receipt = new HttpPaymentGateway(http).issueGiftCard(GIFT_CARD);

        assertThat(receipt).isEqualTo(new GiftCardReceipt("GW-GC-3", "****-****-4821", Money.of(8394, "EUR")));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/gift-cards"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("RET-1:REFUND_PAYMENT"))
                .withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:REFUND_PAYMENT", "returnId": "RET-1", "orderId": "ORD-1003",
                 "amount": {"minor": 8394, "currency": "EUR"},
                 "recipient": {"customerId": null, "name": "Ada Lovelace", "email": "ada@example.com"}}""")));
    }

    @Test
    void a_gift_returns_store_credit_names_its_recipient_and_no_other_refund_names_anyone() {
        Money credit = Money.of(8394, "EUR");
        RefundInstruction toRecipient = new RefundInstruction("RET-2:REFUND_PAYMENT", "RET-2", "ORD-1003",
                List.of(new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, credit)), credit,
                CreditRecipient.giftRecipient("Ada Lovelace", "ada@example.com"));
        wireMock.stubFor(post("/refunds").willReturn(okJson("""
                {"gatewayReference": "GW-779", "amount": {"minor": 8394, "currency": "EUR"}, "status": "SETTLED"}""")));

        new HttpPaymentGateway(http).refund(toRecipient);
        new HttpPaymentGateway(http).refund(INSTRUCTION);

        wireMock.verify(postRequestedFor(urlPathEqualTo("/refunds")).withRequestBody(equalToJson("""
                {"returnId": "RET-2", "storeCreditHolder": {"customerId": null, "name": "Ada Lovelace",
                 "email": "ada@example.com"}}""", true, true)));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/refunds"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("storeCreditHolder")));
    }

    @Test
    void a_gift_card_without_its_masked_code_or_of_another_value_is_malformed() {
        wireMock.stubFor(post("/gift-cards").willReturn(okJson("""
                {"gatewayReference": "GW-GC-3", "amount": {"minor": 8394, "currency": "EUR"}}""")));
        ConnectorException noCode = catchThrowableOfType(ConnectorException.class,
                () -> new HttpPaymentGateway(http).issueGiftCard(GIFT_CARD));
        wireMock.stubFor(post("/gift-cards").willReturn(okJson("""
                {"gatewayReference": "GW-GC-3", "maskedCode": "****-****-4821",
                 "amount": {"minor": 8300, "currency": "EUR"}}""")));
        ConnectorException otherValue = catchThrowableOfType(ConnectorException.class,
                () -> new HttpPaymentGateway(http).issueGiftCard(GIFT_CARD));

        assertThat(noCode.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(otherValue.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(otherValue.retryable()).isFalse();
    }

    @Test
    void a_charge_of_another_amount_than_asked_is_malformed() {
        wireMock.stubFor(post("/charges").willReturn(okJson("""
                {"gatewayReference": "GW-CH-9", "amount": {"minor": 4100, "currency": "EUR"}}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpPaymentGateway(http).charge(CHARGE));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
    }

    @Test
    void sends_the_instruction_and_reads_a_settled_refund() {
        wireMock.stubFor(post("/refunds").willReturn(okJson(SETTLED)));

        RefundReceipt receipt = new HttpPaymentGateway(http).refund(INSTRUCTION);

        assertThat(receipt).isEqualTo(new RefundReceipt("GW-778", AMOUNT, true));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/refunds")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:REFUND_PAYMENT", "returnId": "RET-1", "orderId": "ORD-1001",
                 "tenders": [{"tenderId": "TND-1", "type": "CARD", "amount": {"minor": 4599, "currency": "EUR"}}],
                 "amount": {"minor": 4599, "currency": "EUR"}}""")));
    }

    @Test
    void a_pending_refund_is_issued_but_not_settled() {
        wireMock.stubFor(post("/refunds").willReturn(okJson("""
                {"gatewayReference": "GW-779", "amount": {"minor": 4599, "currency": "EUR"}, "status": "PENDING"}""")));

        RefundReceipt receipt = new HttpPaymentGateway(http).refund(INSTRUCTION);

        assertThat(receipt).isEqualTo(new RefundReceipt("GW-779", AMOUNT, false));
    }

    @Test
    void an_unknown_status_is_malformed() {
        wireMock.stubFor(post("/refunds").willReturn(okJson("""
                {"gatewayReference": "GW-780", "amount": {"minor": 4599, "currency": "EUR"}, "status": "MAYBE"}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpPaymentGateway(http).refund(INSTRUCTION));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void a_refund_in_another_currency_is_malformed() {
        wireMock.stubFor(post("/refunds").willReturn(okJson("""
                {"gatewayReference": "GW-781", "amount": {"minor": 4599, "currency": "USD"}, "status": "SETTLED"}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpPaymentGateway(http).refund(INSTRUCTION));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.getMessage()).contains("USD");
    }
}
