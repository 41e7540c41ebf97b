package io.omnireturns.distribution.webhooks;

import io.omnireturns.distribution.webhooks.SubscriptionRepository.SigningKeys;
import io.omnireturns.platform.webhooks.StandardWebhooks;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * One attempt of one delivery: the stored body POSTed to the subscription's URL, signed the Standard Webhooks way
 * ({@code webhook-id} is the event's id, the same on every attempt, so the subscriber de-duplicates on it). During a
 * secret rotation the signature header carries one signature per valid secret. The client connects only to
 * addresses the allow-list accepts, follows no redirect and gives up after its time-outs.
 */
class WebhookSender {

    /** What an attempt came to: an HTTP status, or no answer and why. */
    record Outcome(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }

    private final RestClient client;

    WebhookSender(RestClient client) {
        this.client = client;
    }

    Outcome send(URI url, String eventId, byte[] body, SigningKeys keys, Instant now) {
        long timestamp = now.getEpochSecond();
        String signature = StandardWebhooks.signature(keys.current(), eventId, timestamp, body)
                + (keys.previous() == null ? "" : " " + StandardWebhooks.signature(keys.previous(), eventId, timestamp,
                body));
        try {
            int status = client.post().uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(StandardWebhooks.ID_HEADER, eventId)
                    .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(StandardWebhooks.SIGNATURE_HEADER, signature)
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
            return new Outcome(status, status >= 200 && status < 300 ? null : "answered HTTP " + status);
        } catch (RestClientException failure) {
            return new Outcome(null, describe(failure));
        }
    }

    private static String describe(RestClientException failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException refused) {
                return "not sent: " + refused.getMessage();
            }
            if (cause instanceof java.net.SocketTimeoutException) {
                return "no answer in time";
            }
            if (cause instanceof java.io.InterruptedIOException) {
                return "could not connect in time";
            }
            if (cause instanceof java.net.ConnectException) {
                return "could not connect";
            }
            root = cause;
        }
        return "failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
