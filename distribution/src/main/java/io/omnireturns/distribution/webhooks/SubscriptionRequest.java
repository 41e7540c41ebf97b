package io.omnireturns.distribution.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new subscription.
 *
 * @param secret write-only: the Standard Webhooks secret both sides sign with; never answered back
 */
public record SubscriptionRequest(
        @Schema(description = "where deliveries are POSTed; the allow-list rule applies (README, Outbound webhooks)",
                example = "https://webhook.site/3f9c1c52-omnireturns-demo")
        @NotBlank String url,
        @Schema(description = "canonical event types to deliver", example = "[\"io.omnireturns.return.initiated.v1\"]")
        @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
        @Schema(description = "whsec_ and the base64 of 24 to 64 random bytes; write-only",
                example = "whsec_ZGVtby1zdWJzY3JpYmVyLXNlY3JldC0zMi1ieXRlcyE=", accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotBlank String secret,
        @Size(max = 200) String description) {

    @Override
    public String toString() {
        return "SubscriptionRequest[url=" + url + ", eventTypes=" + eventTypes + ", secret=***]";
    }
}
