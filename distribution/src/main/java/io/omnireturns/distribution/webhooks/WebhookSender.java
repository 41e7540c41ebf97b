package io.omnireturns.distribution.webhooks;

import io.omnireturns.distribution.webhooks.SubscriptionRepository.SigningKeys;
import io.omnireturns.platform.webhooks.StandardWebhooks;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt of one delivery: the stored body POSTed to the subscription's URL, signed the Standard Webhooks way
 * ({@code webhook-id} is the event's id, the same on every attempt, so the subscriber de-duplicates on it). During a
 * secret rotation the signature header carries one signature per valid secret. {@link PinnedHttpPost} connects only
 * to addresses the allow-list accepts, follows no redirect and gives up after its time-outs.
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

    private final PinnedHttpPost http;

    WebhookSender(PinnedHttpPost http) {
        this.http = http;
    }

    Outcome send(URI url, String eventId, byte[] body, SigningKeys keys, Instant now) {
        long timestamp = now.getEpochSecond();
        String signature = StandardWebhooks.signature(keys.current(), eventId, timestamp, body)
                + (keys.previous() == null ? "" : " " + StandardWebhooks.signature(keys.previous(), eventId, timestamp,
                body));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StandardWebhooks.ID_HEADER, eventId);
        headers.put(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(StandardWebhooks.SIGNATURE_HEADER, signature);
        try {
            int status = http.post(url, headers, body);
            return new Outcome(status, status >= 200 && status < 300 ? null : "answered HTTP " + status);
        } catch (UnknownHostException refused) {
            return new Outcome(null, "not sent: " + refused.getMessage());
        } catch (SocketTimeoutException slow) {
            return new Outcome(null, "no answer in time");
        } catch (ConnectException unreachable) {
            return new Outcome(null, "could not connect");
        } catch (SSLException tls) {
            return new Outcome(null, "TLS failed: " + tls.getMessage());
        } catch (IOException failed) {
            return new Outcome(null, "failed: " + failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage()));
        }
    }
}
