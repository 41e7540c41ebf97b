package io.omnireturns.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How streaming processors learn of new events, {@code omnireturns.axon.commit-notification.*}. Processors use it
 * with {@code axon.eventhandling.processors.<name>.source=commitNotifyingEventSource}.
 *
 * @param enabled          tell processors of this node's commits at once (else they look every 500 ms when idle)
 * @param commitWait       how long a processor told of a commit waits for the store's reader to have the events
 * @param fallbackInterval how often processors look anyway, for events other nodes append
 */
@ConfigurationProperties(prefix = "omnireturns.axon.commit-notification")
public record AxonStreamingProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("20ms") Duration commitWait,
                                      @DefaultValue("500ms") Duration fallbackInterval) {
}
