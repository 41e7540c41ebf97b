package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class HttpWarehouseTest extends HttpConnectorContract {

    private static final ReceiptAdvice ADVICE = new ReceiptAdvice("RET-1:ADVISE_WAREHOUSE", "RET-1", "DC-1",
            "JJD000390007", List.of(new ReceiptAdvice.ExpectedItem("L1", "SKU-RED-M", 2)));

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.WAREHOUSE;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("adviseExpectedReceipt", ExternalSystem.WAREHOUSE, "/receipt-advices",
                ADVICE.idempotencyKey(), "{\"adviceReference\": \"ASN-55\"}",
                http -> new HttpWarehouse(http).adviseExpectedReceipt(ADVICE)));
    }

    @Test
    void sends_what_to_expect_and_reads_the_advice_reference() {
        wireMock.stubFor(post("/receipt-advices").willReturn(okJson("{\"adviceReference\": \"ASN-55\"}")));

        String reference = new HttpWarehouse(http).adviseExpectedReceipt(ADVICE);

        assertThat(reference).isEqualTo("ASN-55");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/receipt-advices")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:ADVISE_WAREHOUSE", "returnId": "RET-1", "locationId": "DC-1",
                 "trackingNumber": "JJD000390007",
                 "items": [{"orderLineId": "L1", "sku": "SKU-RED-M", "quantity": 2}]}""")));
    }
}
