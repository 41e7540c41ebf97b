package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

/**
 * The payment gateway over HTTP: {@code POST /refunds}, {@code POST /charges} for an exchange's price
 * difference (answered with the gateway's reference and the amount taken), and {@code POST /gift-cards} for a refund
 * paid as a new gift card (answered with the reference, the card's masked code and the value loaded). The gateway answers {@code SETTLED} when the money has
 * left, {@code PENDING} when it settles later (cards), and the settlement then arrives by webhook.
 */
public class HttpPaymentGateway implements PaymentGateway {

    private static final String REFUND = "refund";
    private static final String CHARGE = "charge";
    private static final String GIFT_CARD = "gift card";

    private final ConnectorHttp http;

    public HttpPaymentGateway(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public RefundReceipt refund(RefundInstruction instruction) {
        RefundAnswer answer = http.callOnce(REFUND, () -> http.client().post()
                .uri("/refunds")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, instruction.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(instruction)
                .retrieve()
                .body(RefundAnswer.class));
        String reference = http.required(REFUND, "gatewayReference", answer.gatewayReference());
        Money amount = http.required(REFUND, "amount", answer.amount());
        if (!amount.currency().equals(instruction.amount().currency())) {
            // currencies never mix: a refund in another currency needs a person, not a conversion
            throw http.malformed(REFUND, "an amount in " + amount.currency() + " for a refund in "
                    + instruction.amount().currency());
        }
        String status = http.required(REFUND, "status", answer.status());
        return switch (status) {
            case "SETTLED" -> new RefundReceipt(reference, amount, true);
            case "PENDING" -> new RefundReceipt(reference, amount, false);
            default -> throw http.malformed(REFUND, "unknown status " + status);
        };
    }

    @Override
    public ChargeReceipt charge(ChargeInstruction instruction) {
        ChargeAnswer answer = http.callOnce(CHARGE, () -> http.client().post()
                .uri("/charges")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, instruction.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(instruction)
                .retrieve()
                .body(ChargeAnswer.class));
        String reference = http.required(CHARGE, "gatewayReference", answer.gatewayReference());
        Money amount = http.required(CHARGE, "amount", answer.amount());
        if (!amount.equals(instruction.amount())) {
            throw http.malformed(CHARGE, "charged " + amount + " when asked for " + instruction.amount());
        }
        return new ChargeReceipt(reference, amount);
    }

    @Override
    public GiftCardReceipt issueGiftCard(GiftCardInstruction instruction) {
        GiftCardAnswer answer = http.callOnce(GIFT_CARD, () -> http.client().post()
                .uri("/gift-cards")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, instruction.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(instruction)
                .retrieve()
                .body(GiftCardAnswer.class));
        String reference = http.required(GIFT_CARD, "gatewayReference", answer.gatewayReference());
        String maskedCode = http.required(GIFT_CARD, "maskedCode", answer.maskedCode());
        Money amount = http.required(GIFT_CARD, "amount", answer.amount());
        if (!amount.equals(instruction.amount())) {
            throw http.malformed(GIFT_CARD, "loaded " + amount + " when asked for " + instruction.amount());
        }
        return new GiftCardReceipt(reference, maskedCode, amount);
    }

    private record GiftCardAnswer(String gatewayReference, String maskedCode, Money amount) {
    }

    private record ChargeAnswer(String gatewayReference, Money amount) {
    }

    private record RefundAnswer(String gatewayReference, Money amount, String status) {
    }
}
