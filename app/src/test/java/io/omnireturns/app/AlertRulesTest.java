package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus alert rules and the dashboard as committed: well formed, and every alert has its runbook entry. */
class AlertRulesTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_rules_file_is_yaml_with_named_groups_of_rules() {
        Map<String, Object> rules = OpsFiles.alertRules();

        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        assertThat(groups).isNotEmpty().allSatisfy(group -> {
            assertThat(group.get("name")).as("group name").isInstanceOf(String.class);
            assertThat((List<Object>) group.get("rules")).as("rules of %s", group.get("name")).isNotEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_alert_has_an_expression_a_severity_a_summary_and_a_runbook_url_into_the_runbook() {
        List<Map<String, Object>> alerts = OpsFiles.alerts();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
        assertThat(alerts.stream().map(alert -> alert.get("alert")).distinct()).hasSameSizeAs(alerts);
        assertThat(alerts).allSatisfy(alert -> {
            String name = (String) alert.get("alert");
            assertThat(name).matches("Omnireturns[A-Za-z]+");
            assertThat((String) alert.get("expr")).as("expr of %s", name).isNotBlank();
            Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
            assertThat(labels).as("labels of %s", name).isNotNull();
            assertThat(labels.get("severity")).as("severity of %s", name).isIn("critical", "warning");
            Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
            assertThat(annotations).as("annotations of %s", name).isNotNull();
            assertThat((String) annotations.get("summary")).as("summary of %s", name).isNotBlank();
            assertThat(annotations.get("runbook_url")).as("runbook_url of %s", name)
                    .isEqualTo(OpsFiles.RUNBOOK + "#" + name.toLowerCase());
            if (alert.containsKey("for")) {
                assertThat(String.valueOf(alert.get("for"))).as("for of %s", name).matches("\\d+[smh]");
            }
        });
    }

    @Test
    void the_alerts_the_issue_asks_for_are_all_there() {
        Set<String> names = OpsFiles.alerts().stream().map(alert -> (String) alert.get("alert"))
                .collect(Collectors.toSet());

        assertThat(names).contains("OmnireturnsProcessorStalled", "OmnireturnsProcessorLagging",
                "OmnireturnsDeadLetters", "OmnireturnsCircuitOpen", "OmnireturnsExceptionQueueGrowing",
                "OmnireturnsRefundLatencyAboveTarget", "OmnireturnsDatabaseUnavailable");
    }

    @Test
    void every_alert_has_its_entry_in_the_runbook_with_what_it_means_first_checks_and_the_fix() {
        String runbook = OpsFiles.read(OpsFiles.RUNBOOK);
        Set<String> headings = runbook.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip())
                .collect(Collectors.toSet());

        assertThat(OpsFiles.alerts()).allSatisfy(alert -> {
            String name = (String) alert.get("alert");
            assertThat(headings).as("runbook heading for %s", name).contains(name);
            String entry = entry(runbook, name);
            assertThat(entry).as("runbook entry of %s", name)
                    .contains("**Means**").contains("**First checks**").contains("**Fix**");
        });
    }

    @Test
    void every_dashboard_panel_has_a_query_and_the_panel_ids_are_unique() throws Exception {
        Map<String, String> expressions = OpsFiles.dashboardExpressions();
        JsonNode dashboard = new ObjectMapper().readTree(OpsFiles.read(OpsFiles.DASHBOARD));
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> ids.add(panel.path("id").asInt()));

        assertThat(expressions).isNotEmpty().allSatisfy((panel, expr) ->
                assertThat(expr).as(panel).isNotBlank());
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0);
        assertThat(dashboard.path("uid").asText()).isEqualTo("omnireturns");
    }

    private static int indexOrEnd(String text, String what, int from) {
        int at = text.indexOf(what, from);
        return at < 0 ? text.length() : at;
    }

    /** The text under the heading {@code ### <name>}, up to the next heading. */
    private static String entry(String runbook, String name) {
        int start = runbook.indexOf("### " + name + "\n");
        assertThat(start).as("heading ### %s", name).isNotNegative();
        int next = start + 4 + name.length();
        int end = Math.min(indexOrEnd(runbook, "\n### ", next), indexOrEnd(runbook, "\n## ", next));
        return runbook.substring(start, end);
    }
}
