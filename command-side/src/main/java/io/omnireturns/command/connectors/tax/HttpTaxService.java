package io.omnireturns.command.connectors.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

import java.util.List;

/**
 * The tax service over HTTP: {@code POST /tax-calculations}. One attempt per call ({@link ConnectorHttp#callOnce}):
 * the calculation is a step of the return process, which owns its retries. The answer must cover every line asked
 * about, in the request's currency, and add up per jurisdiction; otherwise it is malformed (not retried).
 */
public class HttpTaxService implements TaxService {

    private static final String CALCULATE = "calculateTax";

    private final ConnectorHttp http;

    public HttpTaxService(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        CalculationAnswer answer = http.callOnce(CALCULATE, () -> http.client().post()
                .uri("/tax-calculations")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.requestId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(CalculationAnswer.class));
        String calculationId = http.required(CALCULATE, "calculationId", answer.calculationId());
        List<LineTax> lines = http.required(CALCULATE, "lines", answer.lines());
        List<JurisdictionTax> byJurisdiction = http.required(CALCULATE, "jurisdictions", answer.jurisdictions());
        for (TaxableLine asked : request.lines()) {
            LineTax line = lines.stream().filter(candidate -> asked.lineId().equals(candidate.lineId())).findFirst()
                    .orElseThrow(() -> http.malformed(CALCULATE, "without line " + asked.lineId()));
            requireCurrency(request, line.amountTax());
            requireCurrency(request, line.restockingFeeTax());
        }
        byJurisdiction.forEach(jurisdiction -> requireCurrency(request, jurisdiction.tax()));
        try {
            return new TaxCalculation(calculationId, request.currency(), lines, byJurisdiction);
        } catch (IllegalArgumentException doesNotAddUp) {
            throw http.malformed(CALCULATE, doesNotAddUp.getMessage());
        }
    }

    private void requireCurrency(TaxRequest request, Money amount) {
        if (amount == null || !amount.currency().equals(request.currency())) {
            throw http.malformed(CALCULATE, "a tax in " + (amount == null ? "no currency" : amount.currency())
                    + " for a request in " + request.currency());
        }
    }

    private record CalculationAnswer(String calculationId, List<LineTax> lines, List<JurisdictionTax> jurisdictions) {
    }
}
