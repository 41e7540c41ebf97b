package io.omnireturns.distribution;

import io.omnireturns.platform.database.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The distribution module's share of the schema (webhooks' subscriptions and outbox, the Kafka publisher's). */
@Configuration
public class DistributionConfiguration {

    @Bean
    SchemaMigration distributionSchema() {
        return new SchemaMigration("distribution", "classpath:db/migration/distribution", "flyway_history_distribution",
                30);
    }
}
