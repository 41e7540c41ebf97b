package io.omnireturns.command.policy.trust;

import io.omnireturns.api.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code omnireturns.policy.trust.*} as the policy reads it. */
class TrustPropertiesTest {

    @Test
    void nothing_configured_is_on_with_the_default_thresholds() {
        TrustProperties none = new TrustProperties(null, null, null, null, null, null, null, null, null, null);

        assertThat(none.on()).isTrue();
        assertThat(none.rules()).isEqualTo(TrustRules.defaults());
    }

    @Test
    void configured_thresholds_replace_the_defaults_and_the_value_map_replaces_the_default_map() {
        TrustProperties configured = new TrustProperties(false, Duration.ofDays(180), 2, 8, 1_500L,
                Map.of("EUR", new BigDecimal("250.00")), 4, 6_000L, 6, 4_000L);

        TrustRules rules = configured.rules();

        assertThat(configured.on()).isFalse();
        assertThat(rules).isEqualTo(new TrustRules(Duration.ofDays(180), 2, 8, 1_500,
                Map.of("EUR", Money.of(25_000, "EUR")), 4, 6_000, 6, 4_000));
    }

    @Test
    void a_limit_with_more_decimals_than_its_currency_has_is_refused() {
        TrustProperties configured = new TrustProperties(null, null, null, null, null,
                Map.of("EUR", new BigDecimal("250.005")), null, null, null, null);

        assertThatThrownBy(configured::rules).isInstanceOf(ArithmeticException.class);
    }
}
