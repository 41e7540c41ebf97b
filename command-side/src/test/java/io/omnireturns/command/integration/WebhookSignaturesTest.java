package io.omnireturns.command.integration;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTest {

    /** RFC 4231, test case 2: what {@code openssl dgst -sha256 -hmac Jefe} prints for this text. */
    private static final byte[] RFC_4231_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_4231_MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private final WebhookSignatures signatures = new WebhookSignatures(properties("Jefe"));

    @Test
    void the_signature_is_the_standard_hmac_sha256_of_the_body() {
        assertThat(signatures.signatureOf(IntegrationSystem.CARRIER, RFC_4231_DATA)).isEqualTo(RFC_4231_MAC);
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, "sha256=" + RFC_4231_MAC)).isTrue();
    }

    @Test
    void hex_case_and_surrounding_blanks_do_not_matter() {
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, " SHA256=" + RFC_4231_MAC.toUpperCase() + " "))
                .isTrue();
    }

    @Test
    void each_system_has_its_own_secret() {
        assertThat(signatures.isValid(IntegrationSystem.WAREHOUSE, RFC_4231_DATA, "sha256=" + RFC_4231_MAC)).isFalse();
    }

    @Test
    void anything_but_the_exact_signature_is_refused() {
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, null)).isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, RFC_4231_MAC)).isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, "sha1=" + RFC_4231_MAC)).isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, "sha256=" + RFC_4231_MAC.substring(2)))
                .isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, "sha256=" + RFC_4231_MAC + "00")).isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, RFC_4231_DATA, "sha256=")).isFalse();
        assertThat(signatures.isValid(IntegrationSystem.CARRIER, "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII),
                "sha256=" + RFC_4231_MAC)).isFalse();
    }

    @Test
    void an_empty_secret_is_refused_at_start_up() {
        assertThatThrownBy(() -> properties(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unset_secrets_fall_back_to_the_documented_demo_secrets() {
        IntegrationProperties defaults = new IntegrationProperties(null, null, null, Duration.ofSeconds(30), 100, 5,
                Duration.ofMinutes(2));

        assertThat(defaults.of(IntegrationSystem.CARRIER).secret()).isEqualTo("demo-carrier-secret");
        assertThat(defaults.of(IntegrationSystem.PAYMENTS).secret()).isEqualTo("demo-payments-secret");
        assertThat(defaults.of(IntegrationSystem.WAREHOUSE).secret()).isEqualTo("demo-warehouse-secret");
    }

    private static IntegrationProperties properties(String carrierSecret) {
        return new IntegrationProperties(new IntegrationProperties.Endpoint(carrierSecret), null, null,
                Duration.ofSeconds(30), 100, 5, Duration.ofMinutes(2));
    }
}
