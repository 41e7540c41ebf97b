package io.omnireturns.platform.axon.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The upcasters of every stored event whose shape changed. Axon's Spring Boot support puts each
 * {@link EventUpcaster} bean into the chain that the event store, and so both sides, read through; {@code @Order}
 * keeps a later revision's upcaster after the one before it.
 */
@AutoConfiguration
public class EventUpcastingConfiguration {

    @Bean
    @Order(1)
    public EventUpcaster customerNotifiedChannelUpcaster() {
        return new CustomerNotifiedChannelUpcaster();
    }
}
