package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;

/** The warehouse management system over HTTP: {@code POST /receipt-advices}, {@code GET /stock/{sku}}. */
public class HttpWarehouse implements Warehouse {

    private static final String ADVISE_EXPECTED_RECEIPT = "adviseExpectedReceipt";
    private static final String AVAILABLE_STOCK = "availableStock";

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

    @Override
    public int availableStock(String sku) {
        return http.call(AVAILABLE_STOCK, () -> {
            try {
                StockAnswer answer = http.client().get().uri("/stock/{sku}", sku).retrieve().body(StockAnswer.class);
                http.required(AVAILABLE_STOCK, "a body", answer);
                return Math.max(http.required(AVAILABLE_STOCK, "available", answer.available()), 0);
            } catch (HttpClientErrorException.NotFound unknownSku) {
                return 0; // the warehouse keeps no such SKU: none to send
            }
        });
    }

    private record StockAnswer(String sku, Integer available) {
    }

    private record AdviceAnswer(String adviceReference) {
    }
}
