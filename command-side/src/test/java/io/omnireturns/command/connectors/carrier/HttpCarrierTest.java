package io.omnireturns.command.connectors.carrier;

import io.omnireturns.api.returns.ExternalSystem;
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

class HttpCarrierTest extends HttpConnectorContract {

    private static final LabelRequest REQUEST = new LabelRequest("RET-1:ISSUE_LABEL", "RET-1", "CUS-7", "DC-1", 2);
    private static final String LABEL = """
            {"carrier": "DHL", "trackingNumber": "JJD000390007", "labelUrl": "https://labels.example/JJD000390007.pdf"}""";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.CARRIER;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("issueLabel", ExternalSystem.CARRIER, "/return-labels",
                REQUEST.idempotencyKey(), LABEL, http -> new HttpCarrier(http).issueLabel(REQUEST)));
    }

    @Test
    void sends_the_label_request_and_reads_the_label() {
        wireMock.stubFor(post("/return-labels").willReturn(okJson(LABEL)));

        ReturnLabel label = new HttpCarrier(http).issueLabel(REQUEST);

        assertThat(label).isEqualTo(new ReturnLabel("DHL", "JJD000390007", "https://labels.example/JJD000390007.pdf"));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/return-labels")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:ISSUE_LABEL", "returnId": "RET-1", "customerId": "CUS-7",
                 "destinationLocationId": "DC-1", "items": 2}""")));
    }

    @Test
    void a_label_without_a_tracking_number_is_malformed() {
        wireMock.stubFor(post("/return-labels").willReturn(okJson("""
                {"carrier": "DHL", "trackingNumber": " ", "labelUrl": "https://labels.example/x.pdf"}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpCarrier(http).issueLabel(REQUEST));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.getMessage()).contains("trackingNumber");
    }
}
