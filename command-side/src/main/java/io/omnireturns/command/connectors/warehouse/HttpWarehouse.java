package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

/** The warehouse management system over HTTP: {@code POST /receipt-advices}. */
public class HttpWarehouse implements Warehouse {

    private static final String ADVISE_EXPECTED_RECEIPT = "adviseExpectedReceipt";

    private final ConnectorHttp http;

    public HttpWarehouse(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public String adviseExpectedReceipt(ReceiptAdvice advice) {
        AdviceAnswer answer = http.callOnce(ADVISE_EXPECTED_RECEIPT, () -> http.client().post()
                .uri("/receipt-advices")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, advice.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(advice)
                .retrieve()
                .body(AdviceAnswer.class));
        return http.required(ADVISE_EXPECTED_RECEIPT, "adviceReference", answer.adviceReference());
    }

    private record AdviceAnswer(String adviceReference) {
    }
}
