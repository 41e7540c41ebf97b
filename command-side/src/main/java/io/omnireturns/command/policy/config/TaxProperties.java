package io.omnireturns.command.policy.config;

import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import io.omnireturns.command.policy.tax.TaxTrigger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * When a refund's tax comes from the tax service, and where each location pays tax, {@code omnireturns.tax.*}.
 *
 * <pre>
 * omnireturns.tax.consult-for=CROSS_JURISDICTION,PRICE_DIFFERENCE    (add RESTOCKING_FEE, SHIPPING; empty: never)
 * omnireturns.tax.default-jurisdiction=FR
 * omnireturns.tax.locations.STORE-DE-01=DE                           (a list replaces the demo's whole map)
 * omnireturns.tax.quote-timeout=3s                                   (how long a quote waits for the tax service)
 * </pre>
 *
 * Left out, the demo's locations: {@code DC-EAST} and {@code STORE-001} in France, {@code STORE-DE-01} in Germany,
 * {@code STORE-NL-01} in the Netherlands.
 */
@ConfigurationProperties(prefix = "omnireturns.tax")
public record TaxProperties(@DefaultValue({"CROSS_JURISDICTION", "PRICE_DIFFERENCE"}) Set<TaxTrigger> consultFor,
                            @DefaultValue("FR") String defaultJurisdiction,
                            Map<String, String> locations,
                            @DefaultValue("3s") Duration quoteTimeout) {

    public TaxProperties {
        quoteTimeout = quoteTimeout == null || quoteTimeout.isNegative() || quoteTimeout.isZero()
                ? Duration.ofSeconds(3) : quoteTimeout;
        consultFor = consultFor == null ? Set.of() : Set.copyOf(consultFor);
        defaultJurisdiction = defaultJurisdiction == null || defaultJurisdiction.isBlank() ? "FR" : defaultJurisdiction;
        locations = locations == null || locations.isEmpty() ? demoLocations() : Map.copyOf(locations);
    }

    public static Map<String, String> demoLocations() {
        return Map.of("DC-EAST", "FR", "STORE-001", "FR", "STORE-DE-01", "DE", "STORE-NL-01", "NL");
    }

    public TaxConsultation consultation() {
        return new TaxConsultation(consultFor);
    }

    public TaxJurisdictions jurisdictions() {
        return new TaxJurisdictions(locations, defaultJurisdiction);
    }
}
