package io.omnireturns.command.connectors.tax;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A tax service in the process, deterministic from its configured rates ({@link SandboxTaxRates}):
 * <ul>
 *     <li>returned merchandise and refunded shipping are taxed at the <em>sale</em> jurisdiction's rate (the
 *     credit corrects the sale), merchandise by its category, shipping at the standard rate;</li>
 *     <li>a restocking fee is a charge for a service supplied where the goods are taken back: the <em>return</em>
 *     jurisdiction's standard rate;</li>
 *     <li>an exchange's price difference is a sale where the exchange happens: the return jurisdiction's rate for
 *     the category.</li>
 * </ul>
 * Each tax is rounded half up to the minor unit on its own magnitude, so a negative amount's tax is the mirror of
 * the positive one's. An unknown jurisdiction is refused ({@code UNKNOWN_JURISDICTION}, not retryable), as a real
 * service refuses an address it cannot place. It keeps every calculation for tests to read.
 */
public class SandboxTaxService implements TaxService {

    private static final long WHOLE_IN_BASIS_POINTS = 10_000;

    private final SandboxBehaviour behaviour;
    private final SandboxTaxRates rates;
    private final ConcurrentLinkedQueue<TaxCalculation> calculations = new ConcurrentLinkedQueue<>();

    public SandboxTaxService(SandboxBehaviour behaviour, SandboxTaxRates rates) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    @Override
    public TaxCalculation calculate(TaxRequest request) {
        behaviour.beforeCall("calculate");
        Objects.requireNonNull(request, "request");
        String currency = request.currency();
        Map<String, JurisdictionTax> byJurisdiction = new LinkedHashMap<>();
        List<LineTax> lines = request.lines().stream().map(line -> {
            String amountJurisdiction = line.kind() == TaxableKind.PRICE_DIFFERENCE
                    ? line.returnJurisdiction() : line.saleJurisdiction();
            SandboxTaxRates.Rates amountRates = ratesOf(amountJurisdiction, line);
            int amountRate = line.kind() == TaxableKind.SHIPPING
                    ? amountRates.standard() : amountRates.forCategory(line.category());
            Money amountTax = taxOf(line.amount(), amountRate);
            book(byJurisdiction, amountJurisdiction, line.amount(), amountTax);
            if (line.restockingFee().isZero()) {
                return new LineTax(line.lineId(), amountTax, amountJurisdiction, Money.zero(currency), null);
            }
            String feeJurisdiction = line.returnJurisdiction();
            Money feeTax = taxOf(line.restockingFee(), ratesOf(feeJurisdiction, line).standard());
            book(byJurisdiction, feeJurisdiction, line.restockingFee(), feeTax);
            return new LineTax(line.lineId(), amountTax, amountJurisdiction, feeTax, feeJurisdiction);
        }).toList();
        TaxCalculation calculation = new TaxCalculation("TAX-" + request.requestId(), currency, lines,
                List.copyOf(byJurisdiction.values()));
        calculations.add(calculation);
        return calculation;
    }

    /** Every calculation answered, oldest first. */
    public List<TaxCalculation> calculations() {
        return List.copyOf(calculations);
    }

    /** Latency and injected failures; tests set them with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private SandboxTaxRates.Rates ratesOf(String jurisdiction, TaxableLine line) {
        SandboxTaxRates.Rates found = rates.of(jurisdiction);
        if (found == null) {
            throw new ConnectorException(ExternalSystem.TAX, FailureCode.UNKNOWN_JURISDICTION,
                    "line " + line.lineId() + ": no rates for jurisdiction " + jurisdiction);
        }
        return found;
    }

    private static void book(Map<String, JurisdictionTax> totals, String jurisdiction, Money taxable, Money tax) {
        totals.merge(jurisdiction, new JurisdictionTax(jurisdiction, taxable, tax),
                (earlier, more) -> earlier.plus(more.taxable(), more.tax()));
    }

    /** {@code amount × rate}, half up on the magnitude: exact to the minor unit, symmetric around zero. */
    static Money taxOf(Money amount, int basisPoints) {
        BigInteger magnitude = BigInteger.valueOf(Math.abs(amount.minor()))
                .multiply(BigInteger.valueOf(basisPoints))
                .add(BigInteger.valueOf(WHOLE_IN_BASIS_POINTS / 2))
                .divide(BigInteger.valueOf(WHOLE_IN_BASIS_POINTS));
        long tax = magnitude.longValueExact();
        return Money.of(amount.isNegative() ? -tax : tax, amount.currency());
    }
}
