package io.omnireturns.command.connectors.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
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

/** The tax service over HTTP, against WireMock; refusals, retries, time-outs and the circuit: the shared contract. */
class HttpTaxServiceTest extends HttpConnectorContract {

    private static final TaxRequest REQUEST = new TaxRequest("RET-1:CALCULATE_TAX:1", "RET-1", "EUR", List.of(
            new TaxableLine("ORD-1-L1", TaxableKind.MERCHANDISE, "apparel", eur(5000), eur(500), "DE", "FR")));
    private static final String ANSWER = """
            {"calculationId": "TC-1",
             "lines": [{"lineId": "ORD-1-L1", "amountTax": {"minor": 950, "currency": "EUR"},
                        "amountJurisdiction": "DE", "restockingFeeTax": {"minor": 100, "currency": "EUR"},
                        "restockingFeeJurisdiction": "FR"}],
             "jurisdictions": [{"jurisdiction": "DE", "taxable": {"minor": 5000, "currency": "EUR"},
                                "tax": {"minor": 950, "currency": "EUR"}},
                               {"jurisdiction": "FR", "taxable": {"minor": 500, "currency": "EUR"},
                                "tax": {"minor": 100, "currency": "EUR"}}]}""";

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.TAX;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(RemoteOperation.post("calculateTax", ExternalSystem.TAX, "/tax-calculations",
                REQUEST.requestId(), ANSWER, http -> new HttpTaxService(http).calculate(REQUEST)));
    }

    @Test
    void sends_the_taxable_lines_and_reads_the_tax_per_line_and_per_jurisdiction() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson(ANSWER)));

        TaxCalculation calculation = new HttpTaxService(http).calculate(REQUEST);

        assertThat(calculation).isEqualTo(new TaxCalculation("TC-1", "EUR",
                List.of(new LineTax("ORD-1-L1", eur(950), "DE", eur(100), "FR")),
                List.of(new JurisdictionTax("DE", eur(5000), eur(950)),
                        new JurisdictionTax("FR", eur(500), eur(100)))));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/tax-calculations"))
                .withHeader("Idempotency-Key", equalTo("RET-1:CALCULATE_TAX:1"))
                .withRequestBody(equalToJson("""
                        {"requestId": "RET-1:CALCULATE_TAX:1", "returnId": "RET-1", "currency": "EUR",
                         "lines": [{"lineId": "ORD-1-L1", "kind": "MERCHANDISE", "category": "apparel",
                                    "amount": {"minor": 5000, "currency": "EUR"},
                                    "restockingFee": {"minor": 500, "currency": "EUR"},
                                    "saleJurisdiction": "DE", "returnJurisdiction": "FR"}]}""")));
    }

    @Test
    void an_answer_missing_a_line_is_malformed() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson("""
                {"calculationId": "TC-2", "lines": [], "jurisdictions": []}""")));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpTaxService(http).calculate(REQUEST));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("ORD-1-L1");
    }

    @Test
    void jurisdictions_that_do_not_add_up_to_the_lines_are_malformed() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson(ANSWER.replace("\"minor\": 950, \"currency\": \"EUR\"}}",
                "\"minor\": 951, \"currency\": \"EUR\"}}"))));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpTaxService(http).calculate(REQUEST));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void a_tax_in_another_currency_is_malformed() {
        wireMock.stubFor(post("/tax-calculations").willReturn(okJson(ANSWER.replace("USD", "X")
                .replaceFirst("\"minor\": 950, \"currency\": \"EUR\"", "\"minor\": 950, \"currency\": \"USD\""))));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> new HttpTaxService(http).calculate(REQUEST));

        assertThat(failure.code()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(failure.getMessage()).contains("USD");
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
