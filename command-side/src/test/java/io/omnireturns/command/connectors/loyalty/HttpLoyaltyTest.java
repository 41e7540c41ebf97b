package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
    private static final PointsRestoreRequest RESTORE = new PointsRestoreRequest("RET-1:RESTORE_LOYALTY", "RET-1",
            "CUS-7", 22);
    private static final String RESTORED = "{\"reference\": \"LOY-RS-9\", \"pointsRestored\": 22}";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.LOYALTY;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(
                RemoteOperation.post("reversePoints", ExternalSystem.LOYALTY, "/point-reversals",
                        REQUEST.idempotencyKey(), REVERSED, http -> new HttpLoyalty(http).reversePoints(REQUEST)),
                RemoteOperation.post("restorePoints", ExternalSystem.LOYALTY, "/point-restorations",
                        RESTORE.idempotencyKey(), RESTORED, http -> new HttpLoyalty(http).restorePoints(RESTORE)));
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

    @Test
    void sends_the_points_to_give_back_under_the_steps_key_and_reads_the_programmes_reference() {
        wireMock.stubFor(post("/point-restorations").willReturn(okJson(RESTORED)));

        PointsRestoration restoration = new HttpLoyalty(http).restorePoints(RESTORE);

        assertThat(restoration).isEqualTo(new PointsRestoration("LOY-RS-9", 22));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/point-restorations"))
                .withHeader("Idempotency-Key", equalTo("RET-1:RESTORE_LOYALTY"))
                .withRequestBody(equalToJson("""
                        {"idempotencyKey": "RET-1:RESTORE_LOYALTY", "returnId": "RET-1", "customerId": "CUS-7",
                         "points": 22}""")));
    }

    @Test
    void a_restoration_of_other_points_than_asked_is_malformed() {
        wireMock.stubFor(post("/point-restorations")
                .willReturn(okJson("{\"reference\": \"LOY-RS-10\", \"pointsRestored\": 23}")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpLoyalty(http).restorePoints(RESTORE));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
    }
}
