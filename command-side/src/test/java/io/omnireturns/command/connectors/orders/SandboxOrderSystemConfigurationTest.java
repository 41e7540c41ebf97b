package io.omnireturns.command.connectors.orders;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxOrderSystemConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC))
            .withUserConfiguration(SandboxOrderSystemConfiguration.class);

    @Test
    void the_sandbox_is_the_order_system_when_no_mode_is_set() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(OrderSystem.class);
            assertThat(ctx.getBean(OrderSystem.class)).isInstanceOf(SandboxOrderSystem.class);
            assertThat(ctx.getBean(OrderSystem.class).findOrder("ORD-1001")).isPresent();
        });
    }

    @Test
    void the_sandbox_is_the_order_system_in_sandbox_mode() {
        context.withPropertyValues("omnireturns.connectors.orders.mode=sandbox")
                .run(ctx -> assertThat(ctx).hasSingleBean(SandboxOrderSystem.class));
    }

    @Test
    void another_mode_leaves_the_order_system_to_another_adapter() {
        context.withPropertyValues("omnireturns.connectors.orders.mode=http")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(OrderSystem.class));
    }
}
