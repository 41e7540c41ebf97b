package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

import java.util.List;

/**
 * The ERP over HTTP: {@code POST /credit-memos}, {@code POST /debit-memos} and {@code POST /inventory-movements}.
 * One system with one
 * circuit breaker, whose failures are reported as the part that failed (credit memo or inventory).
 */
public class HttpErp implements Erp {

    private static final String POST_CREDIT_MEMO = "postCreditMemo";
    private static final String ADJUST_INVENTORY = "adjustInventory";
    private static final String POST_DEBIT_MEMO = "postDebitMemo";

    private final ConnectorHttp memos;
    private final ConnectorHttp inventory;

    public HttpErp(ConnectorHttp http) {
        this.memos = http.reportingAs(ExternalSystem.ERP_CREDIT_MEMO);
        this.inventory = http.reportingAs(ExternalSystem.ERP_INVENTORY);
    }

    @Override
    public CreditMemoReceipt postCreditMemo(CreditMemoRequest request) {
        CreditMemoAnswer answer = memos.callOnce(POST_CREDIT_MEMO, () -> memos.client().post()
                .uri("/credit-memos")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(CreditMemoAnswer.class));
        String documentNumber = memos.required(POST_CREDIT_MEMO, "documentNumber", answer.documentNumber());
        Money amount = memos.required(POST_CREDIT_MEMO, "amount", answer.amount());
        if (!amount.currency().equals(request.total().currency())) {
            throw memos.malformed(POST_CREDIT_MEMO, "an amount in " + amount.currency() + " for a memo in "
                    + request.total().currency());
        }
        // an ERP that does not echo the tax lines posted them as they were sent
        return new CreditMemoReceipt(documentNumber, amount,
                answer.taxByJurisdiction() == null ? request.taxByJurisdiction() : answer.taxByJurisdiction());
    }

    @Override
    public DebitMemoReceipt postDebitMemo(DebitMemoRequest request) {
        DebitMemoAnswer answer = memos.callOnce(POST_DEBIT_MEMO, () -> memos.client().post()
                .uri("/debit-memos")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(DebitMemoAnswer.class));
        String documentNumber = memos.required(POST_DEBIT_MEMO, "documentNumber", answer.documentNumber());
        Money amount = memos.required(POST_DEBIT_MEMO, "amount", answer.amount());
        if (!amount.currency().equals(request.amount().currency())) {
            throw memos.malformed(POST_DEBIT_MEMO, "an amount in " + amount.currency() + " for a memo in "
                    + request.amount().currency());
        }
        return new DebitMemoReceipt(documentNumber, amount);
    }

    @Override
    public InventoryReceipt adjustInventory(InventoryAdjustmentRequest request) {
        MovementAnswer answer = inventory.callOnce(ADJUST_INVENTORY, () -> inventory.client().post()
                .uri("/inventory-movements")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(MovementAnswer.class));
        return new InventoryReceipt(inventory.required(ADJUST_INVENTORY, "movementId", answer.movementId()));
    }

    private record CreditMemoAnswer(String documentNumber, Money amount, List<JurisdictionTax> taxByJurisdiction) {
    }

    private record DebitMemoAnswer(String documentNumber, Money amount) {
    }

    private record MovementAnswer(String movementId) {
    }
}
