package io.omnireturns.command.connectors.orders;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The sandbox order system is the default, so the embedded run works with no commerce backend;
 * setting {@code omnireturns.connectors.orders.mode} to anything else (e.g. {@code http}) leaves
 * the {@link OrderSystem} to another adapter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "omnireturns.connectors.orders", name = "mode",
        havingValue = "sandbox", matchIfMissing = true)
public class SandboxOrderSystemConfiguration {

    // Declared as the sandbox type so tests can inject it and register their own orders.
    @Bean
    public SandboxOrderSystem sandboxOrderSystem(Clock clock) {
        return new SandboxOrderSystem(clock);
    }
}
