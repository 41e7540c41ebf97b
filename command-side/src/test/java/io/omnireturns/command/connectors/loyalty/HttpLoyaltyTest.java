package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.api.money.Money;
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

class HttpLoyaltyTest extends HttpConnectorContract {

    private static final PointsReversalRequest REQUEST = new PointsReversalRequest("RET-1:REVERSE_LOYALTY", "RET-1",
            "CUS-7", Money.of(4599, "EUR"));
    private static final String REVERSED = "{\"reference\": \"LOY-31\", \"pointsReversed\": 45}";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.LOYALTY;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("reversePoints", ExternalSystem.LOYALTY, "/point-reversals",
                REQUEST.idempotencyKey(), REVERSED, http -> new HttpLoyalty(http).reversePoints(REQUEST)));
    }

    @Test
    void sends_the_refunded_amount_and_reads_the_points_taken_back() {
        wireMock.stubFor(post("/point-reversals").willReturn(okJson(REVERSED)));

        PointsReversal reversal = new HttpLoyalty(http).reversePoints(REQUEST);

        assertThat(reversal).isEqualTo(new PointsReversal("LOY-31", 45));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/point-reversals")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:REVERSE_LOYALTY", "returnId": "RET-1", "customerId": "CUS-7",
                 "refundedAmount": {"minor": 4599, "currency": "EUR"}}""")));
    }

    @Test
    void nothing_to_reverse_is_a_valid_answer() {
        wireMock.stubFor(post("/point-reversals").willReturn(okJson("{\"reference\": \"LOY-32\", \"pointsReversed\": 0}")));

        assertThat(new HttpLoyalty(http).reversePoints(REQUEST)).isEqualTo(new PointsReversal("LOY-32", 0));
    }

    @Test
    void a_negative_reversal_is_malformed() {
        wireMock.stubFor(post("/point-reversals").willReturn(okJson("{\"reference\": \"LOY-33\", \"pointsReversed\": -5}")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpLoyalty(http).reversePoints(REQUEST));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
    }
}
