package io.omnireturns.command.policy.config;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

class TaxPropertiesTest {

    private static final RefundBreakdown WITH_A_FEE = new RefundBreakdown(EUR,
            List.of(new LineRefund("L1", 1, eur(5000), eur(1000), eur(500), eur(0), eur(5500), List.of())),
            eur(0), eur(5500), List.of(new TenderRefund("T1", TenderType.CARD, eur(5500))));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class);

    @Test
    void by_default_a_cross_border_store_return_asks_the_tax_service_and_a_fee_alone_does_not() {
        context.run(spring -> {
            TaxConsultation consultation = spring.getBean(TaxConsultation.class);
            TaxJurisdictions jurisdictions = spring.getBean(TaxJurisdictions.class);
            assertThat(jurisdictions.of("STORE-DE-01")).isEqualTo("DE");
            assertThat(jurisdictions.of("STORE-001")).isEqualTo("FR");
            assertThat(jurisdictions.of("anywhere else")).isEqualTo("FR");
            assertThat(consultation.reasons("FR", "DE", WITH_A_FEE)).containsExactly("CROSS_JURISDICTION");
            assertThat(consultation.reasons("FR", "FR", WITH_A_FEE)).isEmpty();
        });
    }

    @Test
    void locations_triggers_and_the_default_jurisdiction_come_from_the_properties() {
        context.withPropertyValues(
                "omnireturns.tax.consult-for=RESTOCKING_FEE",
                "omnireturns.tax.default-jurisdiction=nl",
                "omnireturns.tax.locations.STORE-BE-01=BE"
        ).run(spring -> {
            TaxJurisdictions jurisdictions = spring.getBean(TaxJurisdictions.class);
            assertThat(jurisdictions.of("STORE-BE-01")).isEqualTo("BE");
            assertThat(jurisdictions.of("STORE-DE-01")).as("a list replaces the demo's").isEqualTo("NL");
            assertThat(spring.getBean(TaxConsultation.class).reasons("FR", "FR", WITH_A_FEE))
                    .containsExactly("RESTOCKING_FEE");
        });
    }
}
