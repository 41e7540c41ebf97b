package io.omnireturns.distribution.kafka;

/** A batch of canonical events was not acknowledged by the broker: it is retried, never skipped. */
public class KafkaPublishingException extends RuntimeException {

    public KafkaPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
