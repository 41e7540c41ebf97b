package io.omnireturns.command.connectors.fraud;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
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

class HttpFraudScoringTest extends HttpConnectorContract {

    private static final FraudCheck CHECK = new FraudCheck("RET-1", "ORD-1001", "CUS-7", SalesChannel.WEB, 2,
            Money.of(4599, "EUR"));
    private static final String HIGH_RISK = """
            {"score": 82, "reviewRequired": true, "signals": ["SERIAL_RETURNER", "HIGH_VALUE"]}""";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.FRAUD;
    }

    /** Scoring moves nothing, so it carries no idempotency key (the contract checks that none is sent). */
    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("assess", ExternalSystem.FRAUD, "/assessments", null, HIGH_RISK,
                http -> new HttpFraudScoring(http).assess(CHECK)));
    }

    @Test
    void sends_the_check_and_reads_score_review_and_signals() {
        wireMock.stubFor(post("/assessments").willReturn(okJson(HIGH_RISK)));

        FraudAssessment assessment = new HttpFraudScoring(http).assess(CHECK);

        assertThat(assessment).isEqualTo(new FraudAssessment(82, true, List.of("SERIAL_RETURNER", "HIGH_VALUE")));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/assessments")).withRequestBody(equalToJson("""
                {"returnId": "RET-1", "orderId": "ORD-1001", "customerId": "CUS-7", "channel": "WEB", "items": 2,
                 "merchandiseValue": {"minor": 4599, "currency": "EUR"}, "trustTier": null, "returnerSignals": []}""")));
    }

    @Test
    void sends_the_customers_trust_tier_and_serial_returner_signals_from_our_own_history() {
        wireMock.stubFor(post("/assessments").willReturn(okJson(HIGH_RISK)));
        FraudCheck watched = new FraudCheck("RET-2", "ORD-1001", "CUS-7", SalesChannel.WEB, 1, Money.of(1995, "EUR"),
                TrustTier.WATCHED, List.of(ReturnerSignal.HIGH_RETURN_VELOCITY, ReturnerSignal.HIGH_KEEP_IT_SHARE));

        new HttpFraudScoring(http).assess(watched);

        wireMock.verify(postRequestedFor(urlPathEqualTo("/assessments")).withRequestBody(equalToJson("""
                {"returnId": "RET-2", "orderId": "ORD-1001", "customerId": "CUS-7", "channel": "WEB", "items": 1,
                 "merchandiseValue": {"minor": 1995, "currency": "EUR"}, "trustTier": "WATCHED",
                 "returnerSignals": ["HIGH_RETURN_VELOCITY", "HIGH_KEEP_IT_SHARE"]}""")));
    }

    @Test
    void a_score_without_signals_has_none() {
        wireMock.stubFor(post("/assessments").willReturn(okJson("{\"score\": 5, \"reviewRequired\": false}")));

        FraudAssessment assessment = new HttpFraudScoring(http).assess(CHECK);

        assertThat(assessment).isEqualTo(new FraudAssessment(5, false, List.of()));
    }

    @Test
    void a_score_outside_the_scale_is_malformed() {
        wireMock.stubFor(post("/assessments").willReturn(okJson("{\"score\": 180, \"reviewRequired\": false}")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpFraudScoring(http).assess(CHECK));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
    }

    @Test
    void a_score_without_a_review_decision_is_malformed() {
        wireMock.stubFor(post("/assessments").willReturn(okJson("{\"score\": 40}")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpFraudScoring(http).assess(CHECK));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.getMessage()).contains("reviewRequired");
    }
}
