package io.omnireturns.command.connectors.tax;

import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;

/**
 * The tax service, a system of its own: given a refund's taxable lines (amount, restocking fee, sale and return
 * jurisdiction, tax category) it answers the tax per line and per jurisdiction, to the minor unit. A calculation
 * changes nothing on the service's side; the request id travels as the idempotency key all the same, so the
 * service can answer a repeated request from its own records.
 */
public interface TaxService {

    TaxCalculation calculate(TaxRequest request);
}
