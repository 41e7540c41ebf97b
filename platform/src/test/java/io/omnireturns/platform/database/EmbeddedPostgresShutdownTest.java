package io.omnireturns.platform.database;

import io.omnireturns.platform.PlatformTestApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Components still write while they shut down (processors store their last token, deadlines release their
 * claims): the embedded PostgreSQL must stop after them, not when the process is told to stop.
 */
class EmbeddedPostgresShutdownTest {

    static final List<String> WRITTEN_WHILE_STOPPING = new ArrayList<>();

    @Test
    void the_database_answers_components_that_stop_and_is_stopped_after_them() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class,
                LastWords.class)
                .web(WebApplicationType.NONE)
                .properties("omnireturns.database.embedded.data-dir=", "spring.main.register-shutdown-hook=false")
                .run();
        int port = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT setting::int FROM pg_settings WHERE name = 'port'", Integer.class);
        // on SIGTERM the library's own JVM hook would stop the database at once, beside Spring's hook closing the
        // context: it must not be registered (EmbeddedPostgresStop stops the database after the context instead)
        assertThat(ReflectionTestUtils.getField(context.getBean(EmbeddedPostgres.class), "registerShutdownHook"))
                .isEqualTo(false);

        context.close();

        assertThat(WRITTEN_WHILE_STOPPING).containsExactly("stopping");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1_000);
            }
        }).as("nothing listens on the database's port any more").isInstanceOf(java.io.IOException.class);
    }

    /** Stops like an event processor: it writes once more while the context shuts down. */
    @Configuration
    static class LastWords {

        @Bean
        SmartLifecycle writesWhenStopping(JdbcTemplate jdbc) {
            return new SmartLifecycle() {
                private boolean running;

                @Override
                public void start() {
                    running = true;
                }

                @Override
                public void stop() {
                    WRITTEN_WHILE_STOPPING.add(jdbc.queryForObject("SELECT 'stopping'", String.class));
                    running = false;
                }

                @Override
                public boolean isRunning() {
                    return running;
                }
            };
        }
    }
}
