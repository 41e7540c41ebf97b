package io.omnireturns.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhooksTest {

    /** The Standard Webhooks reference libraries' test vector. */
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void the_signature_is_the_reference_libraries_one() {
        byte[] key = WebhookSecret.parse(VECTOR_SECRET, "a test secret");

        assertThat(StandardWebhooks.signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_secret_is_whsec_and_the_base64_of_24_to_64_bytes_and_a_refusal_never_repeats_it() {
        assertThatThrownBy(() -> WebhookSecret.parse("hunter2-not-a-secret", "the secret"))
                .hasMessageStartingWith("the secret must be whsec_").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_c2hvcnQ=", "the secret"))
                .hasMessageContaining("24 to 64 bytes, not 5");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_***", "the secret")).hasMessageContaining("base64");
        assertThatThrownBy(() -> WebhookSecret.parse(" ", "the secret")).hasMessageContaining("empty");
    }
}
