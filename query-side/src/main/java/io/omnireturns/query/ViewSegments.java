package io.omnireturns.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One segment per view processor while {@code omnireturns.engine.optimised} is on (the default), instead of the
 * segment counts in {@code omnireturns-*.properties} (status view 4, the others 2).
 * <p>
 * Why: a pooled processor writes each batch in one transaction (and one token write) per segment that has events in
 * it, so a batch of many returns' events cost four transactions in the status view where one does the job on one
 * node. The views are no hop of a return's process and a node keeps up with one segment each (a batch is written once
 * per return); a deployment that spreads the views over several nodes sets
 * {@code axon.eventhandling.processors.<name>.initial-segment-count} itself (before the processor first starts:
 * the count only applies when the tokens are created), which wins over this.
 * <p>
 * Added with the lowest precedence at the time it runs: below application.yml, the environment and the command line,
 * above the modules' own property files (which Spring adds later, still lower).
 */
public class ViewSegments implements EnvironmentPostProcessor {

    static final List<String> VIEWS = List.of("return-status", "exception-queue", "kpi", "finance-ledger", "returns-analytics");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("omnireturns.engine.optimised", Boolean.class, true)) {
            return;
        }
        Map<String, Object> segments = new LinkedHashMap<>();
        for (String view : VIEWS) {
            segments.put("axon.eventhandling.processors." + view + ".initial-segment-count", 1);
        }
        environment.getPropertySources().addLast(new MapPropertySource("omnireturns-view-segments", segments));
    }
}
