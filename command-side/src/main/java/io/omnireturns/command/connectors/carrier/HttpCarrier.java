package io.omnireturns.command.connectors.carrier;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

/** The carrier over HTTP: {@code POST /return-labels}; the same idempotency key answers the same label. */
public class HttpCarrier implements Carrier {

    private static final String ISSUE_LABEL = "issueLabel";

    private final ConnectorHttp http;

    public HttpCarrier(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public ReturnLabel issueLabel(LabelRequest request) {
        LabelAnswer answer = http.callOnce(ISSUE_LABEL, () -> http.client().post()
                .uri("/return-labels")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(LabelAnswer.class));
        return new ReturnLabel(
                http.required(ISSUE_LABEL, "carrier", answer.carrier()),
                http.required(ISSUE_LABEL, "trackingNumber", answer.trackingNumber()),
                http.required(ISSUE_LABEL, "labelUrl", answer.labelUrl()));
    }

    private record LabelAnswer(String carrier, String trackingNumber, String labelUrl) {
    }
}
