package io.omnireturns.platform.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One segment for each of a module's lingering processors (views, reports, outboxes: no hop of a return's process)
 * while {@code omnireturns.engine.optimised} is on (the default), instead of the segment counts of the module's
 * property files. A module lists its processors in a subclass registered in its {@code META-INF/spring.factories}.
 * <p>
 * Why: a pooled processor writes each batch in one transaction and one token write per segment that has events in
 * it, so a batch of many returns' events costs as many transactions as it has segments where one does the job on one
 * node; such a processor keeps up with one segment (it waits for fuller batches anyway). A deployment that spreads
 * them over several nodes sets {@code axon.eventhandling.processors.<name>.initial-segment-count} itself (before the
 * processor first starts: the count only applies when its tokens are created), which wins over this.
 * <p>
 * Added with the lowest precedence at the time it runs: below application.yml, the environment and the command line,
 * above the modules' own property files (which Spring adds later, still lower).
 */
public abstract class OneSegmentWhileOptimised implements EnvironmentPostProcessor {

    private final String sourceName;
    private final List<String> processors;

    protected OneSegmentWhileOptimised(String sourceName, List<String> processors) {
        this.sourceName = sourceName;
        this.processors = List.copyOf(processors);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("omnireturns.engine.optimised", Boolean.class, true)) {
            return;
        }
        Map<String, Object> segments = new LinkedHashMap<>();
        for (String processor : processors) {
            segments.put("axon.eventhandling.processors." + processor + ".initial-segment-count", 1);
        }
        environment.getPropertySources().addLast(new MapPropertySource(sourceName, segments));
    }
}
