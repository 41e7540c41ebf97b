package io.omnireturns.command.integration;

import io.omnireturns.command.integration.WebhookSignatures.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTest {

    /** The Standard Webhooks reference libraries' test vector: what any sender's library signs for this message. */
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final String OTHER_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("another-secret-of-thirty-two-byte".getBytes(StandardCharsets.US_ASCII));

    private static final Instant SENT = Instant.ofEpochSecond(VECTOR_TIMESTAMP);

    @Test
    void the_signature_is_the_standard_webhooks_v1_signature_of_id_timestamp_and_body() {
        WebhookSignatures signatures = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));

        assertThat(signatures.sign(IntegrationSystem.CARRIER, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
        assertThat(verify(signatures, VECTOR_SIGNATURE)).isEqualTo(Verdict.VALID);
    }

    @Test
    void one_matching_entry_among_several_is_enough() {
        WebhookSignatures signatures = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));

        assertThat(verify(signatures, "v1,bm9wZQ== v1a,c29tZXRoaW5nIGVsc2U= " + VECTOR_SIGNATURE)).isEqualTo(Verdict.VALID);
        assertThat(verify(signatures, "  " + VECTOR_SIGNATURE + "   v1,bm9wZQ==  ")).isEqualTo(Verdict.VALID);
    }

    @Test
    void during_a_rotation_the_current_and_the_previous_secret_are_both_accepted() {
        WebhookSignatures before = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));
        WebhookSignatures during = signatures(new IntegrationProperties.Endpoint(OTHER_SECRET, VECTOR_SECRET), at(SENT));
        WebhookSignatures after = signatures(new IntegrationProperties.Endpoint(OTHER_SECRET, null), at(SENT));
        String withNewSecret = during.sign(IntegrationSystem.CARRIER, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY);

        assertThat(verify(during, VECTOR_SIGNATURE)).as("a sender still on the old secret").isEqualTo(Verdict.VALID);
        assertThat(verify(during, withNewSecret)).as("a sender on the new secret").isEqualTo(Verdict.VALID);
        assertThat(verify(before, withNewSecret)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(after, VECTOR_SIGNATURE)).as("the old secret, once removed").isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void accepted_deliveries_are_counted_by_the_secret_that_signed_them() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookSignatures during = new WebhookSignatures(properties(new IntegrationProperties.Endpoint(OTHER_SECRET,
                VECTOR_SECRET), Duration.ofMinutes(5), Duration.ofDays(30)), at(SENT), meters);
        String withNewSecret = during.sign(IntegrationSystem.CARRIER, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY);

        verify(during, VECTOR_SIGNATURE);
        verify(during, withNewSecret);
        verify(during, withNewSecret + " " + VECTOR_SIGNATURE);
        verify(during, "v1,bm9wZQ==");

        assertThat(meters.get(WebhookSignatures.VERIFIED_METER).tags("system", "carrier", "secret", "previous")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(WebhookSignatures.VERIFIED_METER).tags("system", "carrier", "secret", "current")
                .counter().count()).as("signed with both: the current one counts").isEqualTo(2);
    }

    @Test
    void each_system_has_its_own_secret() {
        WebhookSignatures signatures = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));

        assertThat(signatures.verify(IntegrationSystem.WAREHOUSE, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP),
                VECTOR_BODY, VECTOR_SIGNATURE)).isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void the_id_the_timestamp_and_the_body_are_all_signed() {
        WebhookSignatures signatures = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));
        String timestamp = Long.toString(VECTOR_TIMESTAMP);

        assertThat(signatures.verify(IntegrationSystem.CARRIER, "msg_other", timestamp, VECTOR_BODY, VECTOR_SIGNATURE))
                .isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(signatures.verify(IntegrationSystem.CARRIER, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP + 1),
                VECTOR_BODY, VECTOR_SIGNATURE)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(signatures.verify(IntegrationSystem.CARRIER, VECTOR_ID, timestamp,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), VECTOR_SIGNATURE))
                .isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void anything_but_an_exact_v1_signature_is_refused() {
        WebhookSignatures signatures = signatures(new IntegrationProperties.Endpoint(VECTOR_SECRET, null), at(SENT));
        String base64 = VECTOR_SIGNATURE.substring(3);

        assertThat(verify(signatures, null)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, "")).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, base64)).as("without v1,").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, "v1a," + base64)).as("another version").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, "v1," + base64.substring(4))).as("truncated").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, "v1,***")).as("not base64").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(verify(signatures, "V1," + base64)).as("the version is case-sensitive").isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void a_right_signature_counts_only_within_the_tolerance_either_way() {
        IntegrationProperties.Endpoint endpoint = new IntegrationProperties.Endpoint(VECTOR_SECRET, null);

        assertThat(verify(signatures(endpoint, at(SENT.plusSeconds(300))), VECTOR_SIGNATURE)).isEqualTo(Verdict.VALID);
        assertThat(verify(signatures(endpoint, at(SENT.minusSeconds(300))), VECTOR_SIGNATURE)).isEqualTo(Verdict.VALID);
        assertThat(verify(signatures(endpoint, at(SENT.plusSeconds(301))), VECTOR_SIGNATURE)).isEqualTo(Verdict.TOO_OLD);
        assertThat(verify(signatures(endpoint, at(SENT.minusSeconds(301))), VECTOR_SIGNATURE)).isEqualTo(Verdict.TOO_NEW);
        // a wrong signature is wrong whatever its time: the clock is never a hint for a forger
        assertThat(verify(signatures(endpoint, at(SENT.plusSeconds(3600))), "v1,bm9wZQ=="))
                .isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void secrets_must_be_whsec_and_base64_of_24_to_64_bytes() {
        assertThatThrownBy(() -> new IntegrationProperties.Endpoint(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntegrationProperties.Endpoint("demo-carrier-secret", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_")
                .hasMessageNotContaining("demo-carrier-secret");
        assertThatThrownBy(() -> new IntegrationProperties.Endpoint("whsec_***", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntegrationProperties.Endpoint("whsec_c2hvcnQ=", null)) // "short"
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> new IntegrationProperties.Endpoint(VECTOR_SECRET, "not-a-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous-secret");
        assertThat(new IntegrationProperties.Endpoint(VECTOR_SECRET, "").previousSecret())
                .as("an empty previous secret means no rotation").isNull();
    }

    @Test
    void unset_secrets_fall_back_to_the_documented_demo_secrets_and_the_tolerance_to_five_minutes() {
        IntegrationProperties defaults = properties(null, Duration.ofMinutes(5), Duration.ofDays(30));

        assertThat(defaults.of(IntegrationSystem.CARRIER).secret()).isEqualTo(IntegrationProperties.DEMO_CARRIER_SECRET);
        assertThat(defaults.of(IntegrationSystem.PAYMENTS).secret()).isEqualTo(IntegrationProperties.DEMO_PAYMENTS_SECRET);
        assertThat(defaults.of(IntegrationSystem.WAREHOUSE).secret()).isEqualTo(IntegrationProperties.DEMO_WAREHOUSE_SECRET);
        assertThat(new String(io.omnireturns.platform.webhooks.WebhookSecret.parse(IntegrationProperties.DEMO_CARRIER_SECRET, "secret"), StandardCharsets.US_ASCII))
                .isEqualTo("demo-carrier-secret-not-for-production");
    }

    @Test
    void the_log_must_remember_a_webhook_id_longer_than_its_signature_is_accepted() {
        assertThatThrownBy(() -> properties(null, Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log-retention");
        // stamped five minutes ahead and decided at once: accepted again until ten minutes after the decision
        assertThatThrownBy(() -> properties(null, Duration.ofMinutes(5), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice the tolerance");
        assertThat(properties(null, Duration.ofMinutes(5), Duration.ofMinutes(11)).logRetention())
                .isEqualTo(Duration.ofMinutes(11));
    }

    private static Verdict verify(WebhookSignatures signatures, String header) {
        return signatures.verify(IntegrationSystem.CARRIER, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), VECTOR_BODY, header);
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static WebhookSignatures signatures(IntegrationProperties.Endpoint carrier, Clock clock) {
        return new WebhookSignatures(properties(carrier, Duration.ofMinutes(5), Duration.ofDays(30)), clock,
                new SimpleMeterRegistry());
    }

    private static IntegrationProperties properties(IntegrationProperties.Endpoint carrier, Duration tolerance,
                                                    Duration logRetention) {
        return new IntegrationProperties(carrier, null, null, tolerance, Duration.ofSeconds(30), 100, 5,
                Duration.ofMinutes(2), logRetention, Duration.ofHours(1));
    }
}
