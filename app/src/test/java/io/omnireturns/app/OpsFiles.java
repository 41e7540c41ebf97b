package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed operations files, read from the checkout: the Grafana dashboard, the Prometheus alert rules and the
 * runbook.
 */
final class OpsFiles {

    static final String DASHBOARD = "ops/grafana/omnireturns.json";
    static final String ALERTS = "ops/prometheus/alerts.yml";
    static final String RUNBOOK = "docs/operations.md";

    private OpsFiles() {
    }

    /** A file of the checkout, found from the module's working directory. */
    static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("ops")) && Files.exists(dir.resolve("shared-api")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the omnireturns checkout");
        }
        return dir.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of the dashboard, by "panel title / refId". */
    static Map<String, String> dashboardExpressions() {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(read(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add); // panels of a collapsed row
        });
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(target -> expressions.put(
                    panel.path("title").asText() + " / " + target.path("refId").asText(),
                    target.path("expr").asText()));
        }
        return expressions;
    }

    /** The parsed alert rules file. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> alertRules() {
        return (Map<String, Object>) new Yaml().load(read(ALERTS));
    }

    /** Every alerting rule of the rules file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) alertRules().get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }
}
