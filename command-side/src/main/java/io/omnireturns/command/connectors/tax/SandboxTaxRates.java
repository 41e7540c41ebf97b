package io.omnireturns.command.connectors.tax;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox tax service's rates, {@code omnireturns.connectors.tax.sandbox.rates.<JURISDICTION>.*}, in basis
 * points: a standard rate and reduced rates by tax category. Left out: Germany 19 % (books and food 7 %), France
 * 20 % (books and food 5.5 %), the Netherlands 21 % (books and food 9 %).
 *
 * <pre>
 * omnireturns.connectors.tax.sandbox.rates.BE.standard=2100
 * omnireturns.connectors.tax.sandbox.rates.BE.categories.books=600
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.connectors.tax.sandbox")
public record SandboxTaxRates(Map<String, Rates> rates) {

    public SandboxTaxRates {
        // jurisdictions upper-cased, categories lower-cased: property binding may change the case of map keys
        Map<String, Rates> normalised = new HashMap<>();
        (rates == null || rates.isEmpty() ? defaults() : rates)
                .forEach((jurisdiction, of) -> normalised.put(jurisdiction.toUpperCase(Locale.ROOT), of));
        rates = Map.copyOf(normalised);
    }

    public Rates of(String jurisdiction) {
        return jurisdiction == null ? null : rates.get(jurisdiction.toUpperCase(Locale.ROOT));
    }

    /** A jurisdiction's rates, in basis points (1900 = 19 %); a category not listed takes the standard rate. */
    public record Rates(int standard, Map<String, Integer> categories) {

        public Rates {
            Map<String, Integer> lower = new HashMap<>();
            (categories == null ? Map.<String, Integer>of() : categories)
                    .forEach((category, rate) -> lower.put(category.toLowerCase(Locale.ROOT), rate));
            categories = Map.copyOf(lower);
        }

        public int forCategory(String category) {
            if (category == null) {
                return standard;
            }
            return categories.getOrDefault(category.toLowerCase(Locale.ROOT), standard);
        }
    }

    public static Map<String, Rates> defaults() {
        return Map.of(
                "DE", new Rates(1900, Map.of("books", 700, "food", 700)),
                "FR", new Rates(2000, Map.of("books", 550, "food", 550)),
                "NL", new Rates(2100, Map.of("books", 900, "food", 900)));
    }
}
