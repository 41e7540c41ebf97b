package io.omnireturns.command.returns.quote;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.tax.HttpTaxService;
import io.omnireturns.command.policy.config.TaxProperties;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import io.omnireturns.command.policy.tax.TaxTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A quote's call to a real tax service over HTTP (WireMock): the hoodie of the demo store order taken back in the
 * German store. The quote waits no longer than its own time limit, however long the connector's read time-out, asks
 * once (no retries inside a quote), and a service that answers 503 gives no quote.
 */
class QuoteTaxOverHttpTest {

    private static final OrderSnapshot ORDER = DemoOrders.storeOrderPaidCashAndCard(Instant.parse("2026-01-10T10:00:00Z"));
    private static final String HOODIE = ORDER.orderId() + "-L1";
    private static final String ANSWER = """
            {"calculationId": "TC-Q1",
             "lines": [{"lineId": "%s", "amountTax": {"minor": 999, "currency": "EUR"}, "amountJurisdiction": "FR",
                        "restockingFeeTax": {"minor": 0, "currency": "EUR"}}],
             "jurisdictions": [{"jurisdiction": "FR", "taxable": {"minor": 4995, "currency": "EUR"},
                                "tax": {"minor": 999, "currency": "EUR"}}]}""".formatted(HOODIE);

    private WireMockServer wireMock;
    private QuoteTax quoteTax;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        ConnectorSettings settings = new ConnectorSettings("http", wireMock.baseUrl(), "key", Duration.ofSeconds(1),
                Duration.ofSeconds(10), new ConnectorSettings.Retry(3, Duration.ofMillis(10), 2.0, 0.5),
                new ConnectorSettings.CircuitBreaker(50, 10, 10, Duration.ofMinutes(1)),
                ConnectorSettings.defaults().sandbox());
        HttpTaxService service = new HttpTaxService(new ConnectorHttp(ExternalSystem.TAX, settings,
                RestClient.builder()));
        TaxProperties properties = new TaxProperties(Set.of(TaxTrigger.CROSS_JURISDICTION), "FR", Map.of(),
                Duration.ofMillis(1_500)); // long enough for a first call on a loaded machine, well under the delay
        quoteTax = new QuoteTax(service, properties.consultation(), properties.jurisdictions(),
                new RefundCalculator(RefundRules.defaults()), properties);
    }

    @AfterEach
    void stop() {
        quoteTax.destroy();
        wireMock.stop();
    }

    @Test
    void the_quotes_request_is_sent_under_its_own_key_and_its_answer_prices_the_refund() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson(ANSWER)));

        QuoteTax.Figures figures = quoteTax.figures("QUO-000042", inGermany(), hoodieBack(), null);

        assertThat(figures.refund().calculation().calculationId()).isEqualTo("TC-Q1");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/tax-calculations"))
                .withHeader("Idempotency-Key", equalTo("QUO-000042:TAX:REFUND")));
    }

    @Test
    void a_service_slower_than_the_quotes_time_limit_gives_no_quote_long_before_the_read_time_out() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson(ANSWER).withFixedDelay(5_000)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> quoteTax.figures("QUO-000043", inGermany(), hoodieBack(), null))
                .isInstanceOfSatisfying(DomainException.class, refused ->
                        assertThat(refused.code()).isEqualTo("TAX_SERVICE_UNAVAILABLE"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_000));
    }

    @Test
    void a_service_answering_503_is_asked_once_and_gives_no_quote() {
        wireMock.stubFor(post("/tax-calculations").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> quoteTax.figures("QUO-000044", inGermany(), hoodieBack(), null))
                .isInstanceOfSatisfying(DomainException.class, refused ->
                        assertThat(refused.code()).isEqualTo("TAX_SERVICE_UNAVAILABLE"));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/tax-calculations")));
    }

    private static QuoteRequest inGermany() {
        return new QuoteRequest(ORDER.orderId(), SalesChannel.STORE, "STORE-DE-01",
                List.of(new RequestedLine(HOODIE, 1, ReturnReason.SIZE_OR_FIT, null)));
    }

    private static RefundInput hoodieBack() {
        return new RefundInput(ORDER, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(HOODIE, 1, Grade.NEW, ReturnReason.SIZE_OR_FIT)), PriorRefunds.none("EUR"));
    }
}
