package io.omnireturns.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchReportTest {

    private final BenchOptions options = BenchOptions.parse(new String[] {"--short"});
    private final BenchReport report = new BenchReport(options);

    @Test
    void aSixteenCorePostgresAtSeventyPercentCarriesElevenThousandTwoHundredCpuMillisecondsPerSecond() {
        assertThat(report.projectedWorkflowsPerSecond(4.0)).isEqualTo(2800);
        assertThat(report.projectedWorkflowsPerSecond(0)).isNull();
        BenchReport eightCores = new BenchReport(BenchOptions.parse(new String[] {"--short", "--projection-cores=8",
                "--projection-utilisation=0.5"}));
        assertThat(eightCores.projectedWorkflowsPerSecond(4.0)).isEqualTo(1000);
    }

    @Test
    void aUtilisationAboveOneIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--projection-utilisation=70"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoNodesGetAsManyWorkflowsAtOncePerNodeAsOneNodeHasUnlessTold() {
        assertThat(BenchOptions.parse(new String[] {"--concurrency=10"}).twoNodeConcurrency()).isEqualTo(20);
        assertThat(BenchOptions.parse(new String[] {"--two-node-concurrency=7"}).twoNodeConcurrency()).isEqualTo(7);
    }

    @Test
    void theHarnessOwnCounterReadIsNotCountedAsAWorkflowCommit() {
        Postgres.Counters before = new Postgres.Counters(1000, 3, 50, 700, 10);
        Postgres.Counters after = new Postgres.Counters(1101, 5, 250, 760, 40);
        assertThat(after.since(before)).isEqualTo(new Postgres.Counters(100, 2, 200, 60, 30));
    }

    @Test
    void costsAreDividedByTheWorkflowsCompletedInTheWindow() {
        Map<String, Object> cost = MeasuringWindow.perWorkflow(new Postgres.Counters(100, 2, 200, 60, 30), 2.0, 0.5, 10);
        assertThat(cost).containsEntry("commits", 10.0).containsEntry("transaction_ids", 6.0)
                .containsEntry("rollbacks", 0.2)
                .containsEntry("rows_written", 20.0).containsEntry("events", 3.0)
                .containsEntry("service_cpu_ms", 200.0).containsEntry("postgres_cpu_ms", 50.0);
        assertThat(MeasuringWindow.perWorkflow(new Postgres.Counters(5, 5, 5, 5, 5), 1, 1, 0))
                .containsEntry("commits", null).containsEntry("postgres_cpu_ms", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSummaryComparesOursWithTheUnoptimisedEngineAndOneNodeWithTwo() {
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("commit_ceiling", Map.of("commits_per_s", 1000.0));
        phases.put("ours_closed_loop", phase(40, 10, 40, 8, 4));
        phases.put("ours_offered_rate", phase(30, 10, 40, 8, 4));
        phases.put("unoptimised_closed_loop", phase(20, 40, 80, 16, 10));
        phases.put("two_node_closed_loop", phase(60, 10, 40, 8, 4));

        Map<String, Object> summary = report.summary(phases, null);

        assertThat(summary).containsEntry("ratio_to_unoptimised", 2.0)
                .containsEntry("commits_per_workflow", 10.0)
                .containsEntry("postgres_cpu_ms_per_workflow", 4.0)
                .containsEntry("two_node_workflows_per_s", 60.0)
                .containsEntry("two_node_efficiency_per_node", 0.75);
        assertThat((Map<String, Object>) summary.get("per_workflow_ratio_to_unoptimised"))
                .containsEntry("commits", 0.25).containsEntry("rows_written", 0.5)
                .containsEntry("service_cpu_ms", 0.5).containsEntry("postgres_cpu_ms", 0.4);
        assertThat((Map<String, Object>) summary.get("projection")).containsEntry("workflows_per_s", 2800.0);
        assertThat(report.summaryLine(summary)).contains("ratio_to_unoptimised=2 ", "commits_vs_unopt=0.25 ",
                "pg16c_projected_wf/s=2800 ", "two_node_efficiency=0.75 ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhaseInWhichNoWorkflowCompletedReadsNotApplicableNotZero() {
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("commit_ceiling", Map.of("commits_per_s", 1000.0));
        phases.put("ours_closed_loop", phase(40, 10, 40, 8, 4));
        phases.put("ours_offered_rate", phase(30, 10, 40, 8, 4));
        Map<String, Object> stalled = phase(0, 0, 0, 0, 0);
        stalled.put("per_workflow", MeasuringWindow.perWorkflow(new Postgres.Counters(9, 9, 9, 9, 9), 1, 1, 0));
        phases.put("unoptimised_closed_loop", stalled);

        Map<String, Object> summary = report.summary(phases, null);

        assertThat(summary.get("ratio_to_unoptimised")).isNull();
        assertThat((Map<String, Object>) summary.get("per_workflow_ratio_to_unoptimised")).containsEntry("commits", null);
        assertThat(report.summaryLine(summary)).contains("ratio_to_unoptimised=n/a ", "commits_vs_unopt=n/a ");
    }

    private static Map<String, Object> phase(double workflowsPerSecond, double commits, double rows,
                                             double serviceMs, double postgresMs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workflows_per_s", workflowsPerSecond);
        p.put("events_per_s", workflowsPerSecond * 20);
        p.put("command_latency", Map.of("p50_ms", 1.0, "p99_ms", 2.0, "p99_9_ms", 3.0));
        p.put("projection_lag", Map.of("p50_ms", 1.0, "p99_ms", 2.0));
        p.put("cpu", Map.of("service_jvm_cores", 1.0, "postgres_cores", 0.5, "load_generator_cores", 0.1));
        p.put("workflows_failed", 0L);
        p.put("per_workflow", Map.of("commits", commits, "transaction_ids", commits / 2, "rows_written", rows,
                "service_cpu_ms", serviceMs, "postgres_cpu_ms", postgresMs));
        return p;
    }
}
