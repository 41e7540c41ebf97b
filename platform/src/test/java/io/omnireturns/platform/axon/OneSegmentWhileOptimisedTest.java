package io.omnireturns.platform.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OneSegmentWhileOptimisedTest {

    private static final String COUNT = "axon.eventhandling.processors.%s.initial-segment-count";

    private static final class Listed extends OneSegmentWhileOptimised {
        Listed() {
            super("test-segments", List.of("a-view", "a-report"));
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        return environment;
    }

    @Test
    void every_listed_processor_starts_with_one_segment_by_default() {
        StandardEnvironment environment = environment(Map.of());

        new Listed().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COUNT.formatted("a-view"))).isEqualTo("1");
        assertThat(environment.getProperty(COUNT.formatted("a-report"))).isEqualTo("1");
        assertThat(environment.getProperty(COUNT.formatted("return-process"))).isNull();
    }

    @Test
    void a_count_the_deployment_sets_itself_wins() {
        StandardEnvironment environment = environment(Map.of(COUNT.formatted("a-view"), "4"));

        new Listed().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COUNT.formatted("a-view"))).isEqualTo("4");
        assertThat(environment.getProperty(COUNT.formatted("a-report"))).isEqualTo("1");
    }

    @Test
    void with_the_engine_optimisations_off_the_modules_own_counts_stay() {
        StandardEnvironment environment = environment(Map.of("omnireturns.engine.optimised", "false"));

        new Listed().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(COUNT.formatted("a-view"))).isNull();
    }
}
