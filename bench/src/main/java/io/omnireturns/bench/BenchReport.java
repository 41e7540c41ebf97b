package io.omnireturns.bench;

import io.omnireturns.bench.scale.ScaleResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static io.omnireturns.bench.BenchMain.round;

/**
 * What a run's phases add up to: the summary (in the JSON), the two tables and the summary line printed at the end.
 * Besides throughput and latency, what a workflow costs (commits, rows, CPU), the ratios to the unoptimised engine,
 * the two-node efficiency per node and a paper projection of what a larger PostgreSQL would carry.
 */
final class BenchReport {

    private final BenchOptions options;

    BenchReport(BenchOptions options) {
        this.options = options;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> summary(Map<String, Object> phases, ScaleResult scale) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> ours = (Map<String, Object>) phases.get("ours_closed_loop");
        Map<String, Object> open = (Map<String, Object>) phases.get("ours_offered_rate");
        Map<String, Object> ceiling = (Map<String, Object>) phases.get("commit_ceiling");
        Map<String, Object> unoptimised = (Map<String, Object>) phases.get("unoptimised_closed_loop");
        Map<String, Object> axon = (Map<String, Object>) phases.get("default_axon_closed_loop");
        Map<String, Object> twoNode = (Map<String, Object>) phases.get("two_node_closed_loop");
        Map<String, Object> slow = (Map<String, Object>) phases.get("slow_systems_closed_loop");
        if (scale != null) {
            for (ScaleResult.Replay replay : scale.replays()) {
                s.put("replay_" + replay.processor().replace('-', '_') + "_events_per_s", round(replay.eventsPerSecond(), 0));
            }
            s.put("scale_returns", scale.returnsStored());
            s.put("scale_events", scale.eventsStored());
            s.put("status_by_id_p99_ms", scale.statusById() == null ? null : round(scale.statusById().p99Millis(), 2));
            s.put("search_by_customer_p99_ms",
                    scale.searchByCustomer() == null ? null : round(scale.searchByCustomer().p99Millis(), 2));
        }
        double workflows = num(ours, "workflows_per_s");
        double events = num(ours, "events_per_s");
        s.put("workflows_per_s", workflows);
        s.put("events_per_s", events);
        s.put("axon_commands_per_s", num(ours, "axon_commands_per_s"));
        s.put("rest_commands_per_s", num(ours, "rest_commands_per_s"));
        Map<String, Object> cost = perWorkflow(ours);
        for (String key : COST_KEYS) {
            s.put(key + "_per_workflow", cost.get(key));
        }
        s.put("projection", projection(cost));
        s.put("commit_ceiling_per_s", num(ceiling, "commits_per_s"));
        // events are what the service commits (one row each, in far fewer transactions): the fair comparison to
        // single-row inserts per second
        s.put("ratio_to_commit_ceiling", ratio(events, num(ceiling, "commits_per_s")));
        if (unoptimised != null) {
            s.put("unoptimised_workflows_per_s", num(unoptimised, "workflows_per_s"));
            s.put("ratio_to_unoptimised", ratioOrNull(workflows, num(unoptimised, "workflows_per_s")));
            Map<String, Object> before = perWorkflow(unoptimised);
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (String key : COST_KEYS) {
                ratios.put(key, ratioOrNull(num(cost, key), num(before, key)));
            }
            s.put("per_workflow_ratio_to_unoptimised", ratios);
            s.put("unoptimised_projection", projection(before));
        }
        if (axon != null) {
            s.put("default_axon_workflows_per_s", num(axon, "workflows_per_s"));
            s.put("ratio_to_default_axon", ratio(workflows, num(axon, "workflows_per_s")));
        }
        if (twoNode != null) {
            s.put("two_node_workflows_per_s", num(twoNode, "workflows_per_s"));
            // 1.0: two nodes carry twice what one does; on a machine whose cores both nodes and PostgreSQL share,
            // well below it says the machine is full, not that the nodes get in each other's way
            s.put("two_node_efficiency_per_node", ratioOrNull(num(twoNode, "workflows_per_s") / 2, workflows));
        }
        Map<String, Object> latency = (Map<String, Object>) open.get("command_latency");
        Map<String, Object> lag = (Map<String, Object>) open.get("projection_lag");
        s.put("offered_rate_per_s", options.offeredRate());
        s.put("offered_achieved_workflows_per_s", num(open, "workflows_per_s"));
        s.put("offered_command_p50_ms", latency.get("p50_ms"));
        s.put("offered_command_p99_ms", latency.get("p99_ms"));
        s.put("offered_command_p99_9_ms", latency.get("p99_9_ms"));
        s.put("offered_lag_p50_ms", lag.get("p50_ms"));
        s.put("offered_lag_p99_ms", lag.get("p99_ms"));
        Map<String, Object> sustainable = (Map<String, Object>) phases.get("ours_offered_sustainable");
        if (sustainable != null) {
            s.put("sustainable_offered_per_s", num(sustainable, "offered_workflows_per_s"));
            s.put("sustainable_command_p99_ms", ((Map<String, Object>) sustainable.get("command_latency")).get("p99_ms"));
            s.put("sustainable_lag_p99_ms", ((Map<String, Object>) sustainable.get("projection_lag")).get("p99_ms"));
        }
        Map<String, Object> oursLatency = (Map<String, Object>) ours.get("command_latency");
        s.put("max_throughput_command_p99_ms", oursLatency.get("p99_ms"));
        if (slow != null) {
            s.put("slow_workflows_per_s", num(slow, "workflows_per_s"));
            s.put("slow_ratio_to_zero_latency", ratio(num(slow, "workflows_per_s"), workflows));
            s.put("slow_in_flight_max", slow.get("in_flight_max"));
            s.put("slow_in_flight_mean", slow.get("in_flight_mean"));
        }
        double peakHeap = 0;
        for (Object phase : phases.values()) {
            Object service = ((Map<String, Object>) phase).get("service");
            if (service != null) {
                peakHeap = Math.max(peakHeap, num((Map<String, Object>) service, "peak_heap_mb"));
            }
        }
        if (scale != null) {
            peakHeap = Math.max(peakHeap, round(scale.servicePeakHeapBytes() / 1048576.0, 1));
        }
        s.put("peak_heap_mb", peakHeap);
        s.put("service_heap_cap", options.serviceHeap());
        Map<String, Object> cpu = (Map<String, Object>) ours.get("cpu");
        s.put("service_jvm_cores", cpu.get("service_jvm_cores"));
        s.put("postgres_cores", cpu.get("postgres_cores"));
        s.put("load_generator_cores", cpu.get("load_generator_cores"));
        long failed = 0;
        for (Object phase : phases.values()) {
            Object f = ((Map<String, Object>) phase).get("workflows_failed");
            if (f instanceof Number n) {
                failed += n.longValue();
            }
        }
        s.put("workflows_failed_in_windows", failed);
        return s;
    }

    /** The per-workflow costs a phase reports, in the order the summary lists them. */
    static final String[] COST_KEYS = {"commits", "transaction_ids", "rows_written", "service_cpu_ms",
            "postgres_cpu_ms"};

    /**
     * The paper projection: PostgreSQL alone on {@code projection-cores} cores, CPU-bound (disk, locks and network
     * never the limit), its cost per workflow what it was here and scaling linearly with cores, used up to
     * {@code projection-utilisation}. Workflows/s = cores × 1000 ms × utilisation / PostgreSQL CPU ms per workflow.
     * An upper bound to plan with, not a measurement.
     */
    Map<String, Object> projection(Map<String, Object> cost) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("postgres_cores", options.projectionCores());
        p.put("utilisation", options.projectionUtilisation());
        p.put("workflows_per_s", projectedWorkflowsPerSecond(num(cost, "postgres_cpu_ms")));
        p.put("assumes", "PostgreSQL CPU-bound, linear in cores, at most the stated utilisation; its CPU per "
                + "workflow as measured here");
        return p;
    }

    /** Null (n/a) without a measured PostgreSQL CPU per workflow. */
    Double projectedWorkflowsPerSecond(double postgresCpuMsPerWorkflow) {
        if (postgresCpuMsPerWorkflow <= 0) {
            return null;
        }
        return round(options.projectionCores() * 1000 * options.projectionUtilisation() / postgresCpuMsPerWorkflow, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> perWorkflow(Map<String, Object> phase) {
        Object cost = phase == null ? null : phase.get("per_workflow");
        return cost == null ? Map.of() : (Map<String, Object>) cost;
    }

    String summaryLine(Map<String, Object> s) {
        StringBuilder line = new StringBuilder();
        append(line, "workflows/s", s.get("workflows_per_s"));
        append(line, "ratio_to_unoptimised", s.getOrDefault("ratio_to_unoptimised", "n/a"));
        append(line, "ratio_to_default_axon", s.getOrDefault("ratio_to_default_axon", "n/a"));
        append(line, "ratio_to_commit_ceiling", s.get("ratio_to_commit_ceiling"));
        append(line, "commits/wf", s.get("commits_per_workflow"));
        append(line, "xids/wf", s.get("transaction_ids_per_workflow"));
        append(line, "rows/wf", s.get("rows_written_per_workflow"));
        append(line, "svc_cpu_ms/wf", s.get("service_cpu_ms_per_workflow"));
        append(line, "pg_cpu_ms/wf", s.get("postgres_cpu_ms_per_workflow"));
        if (s.get("per_workflow_ratio_to_unoptimised") instanceof Map<?, ?> ratios) {
            append(line, "commits_vs_unopt", ratios.get("commits"));
            append(line, "rows_vs_unopt", ratios.get("rows_written"));
            append(line, "svc_cpu_vs_unopt", ratios.get("service_cpu_ms"));
            append(line, "pg_cpu_vs_unopt", ratios.get("postgres_cpu_ms"));
        }
        if (s.get("projection") instanceof Map<?, ?> projection) {
            append(line, "pg" + fmt(projection.get("postgres_cores")) + "c_projected_wf/s", projection.get("workflows_per_s"));
        }
        if (s.containsKey("two_node_workflows_per_s")) {
            append(line, "two_node_wf/s", s.get("two_node_workflows_per_s"));
            append(line, "two_node_efficiency", s.get("two_node_efficiency_per_node"));
        }
        if (s.containsKey("scale_events")) {
            append(line, "replay_status_events/s", s.get("replay_return_status_events_per_s"));
            append(line, "replay_ledger_events/s", s.get("replay_finance_ledger_events_per_s"));
            append(line, "status_p99_ms@" + s.get("scale_returns"), s.get("status_by_id_p99_ms"));
        }
        append(line, "events/s", s.get("events_per_s"));
        append(line, "commands/s", s.get("axon_commands_per_s"));
        append(line, "cmd_p99_ms@" + fmt(s.get("offered_rate_per_s")), s.get("offered_command_p99_ms"));
        append(line, "lag_p99_ms@" + fmt(s.get("offered_rate_per_s")), s.get("offered_lag_p99_ms"));
        if (s.containsKey("sustainable_offered_per_s")) {
            append(line, "cmd_p99_ms@" + fmt(s.get("sustainable_offered_per_s")), s.get("sustainable_command_p99_ms"));
            append(line, "lag_p99_ms@" + fmt(s.get("sustainable_offered_per_s")), s.get("sustainable_lag_p99_ms"));
        }
        append(line, "slow_ratio", s.getOrDefault("slow_ratio_to_zero_latency", "n/a"));
        append(line, "slow_in_flight_max", s.getOrDefault("slow_in_flight_max", "n/a"));
        append(line, "peak_heap_mb", s.get("peak_heap_mb"));
        append(line, "failed", s.get("workflows_failed_in_windows"));
        return line.toString();
    }

    /** Throughput and latency per phase, then what a workflow cost per phase. */
    @SuppressWarnings("unchecked")
    void printTables(Map<String, Object> phases, Map<String, Object> summary) {
        System.out.println();
        String latencyRow = "%-26s %9s %9s %9s %8s %8s %8s %8s %8s %7s %7s %9s%n";
        System.out.printf(Locale.ROOT, latencyRow, "phase", "wf/s", "events/s", "cmds/s", "cmd p50", "cmd p99",
                "p99.9", "lag p50", "lag p99", "jvm", "pg", "inflight");
        for (Map.Entry<String, Object> entry : phases.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) entry.getValue();
            if (entry.getKey().equals("commit_ceiling")) {
                Map<String, Object> commit = (Map<String, Object>) p.get("commit_latency");
                System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %8s %8s %8s%n", entry.getKey(), "",
                        fmt(p.get("commits_per_s")) + "*", "", commit.get("p50_ms"), commit.get("p99_ms"),
                        commit.get("p99_9_ms"));
                continue;
            }
            Map<String, Object> lat = (Map<String, Object>) p.get("command_latency");
            Map<String, Object> lag = (Map<String, Object>) p.get("projection_lag");
            Map<String, Object> cpu = (Map<String, Object>) p.get("cpu");
            System.out.printf(Locale.ROOT, latencyRow, entry.getKey(),
                    fmt(p.get("workflows_per_s")), fmt(p.get("events_per_s")), fmt(p.get("axon_commands_per_s")),
                    lat.get("p50_ms"), lat.get("p99_ms"), lat.get("p99_9_ms"), lag.get("p50_ms"), lag.get("p99_ms"),
                    cpu.get("service_jvm_cores"), cpu.get("postgres_cores"), p.get("in_flight_max"));
        }
        System.out.println("(* commit ceiling: single-row commits/s; latencies in ms; jvm/pg: CPU cores used by the "
                + "service JVM(s) and PostgreSQL)");
        System.out.println();
        String costRow = "%-26s %5s %9s %9s %9s %9s %8s %9s %9s %10s%n";
        System.out.printf(Locale.ROOT, costRow, "per workflow", "nodes", "wf/s", "commits", "xids", "rows",
                "events", "svc ms", "pg ms", "pg" + fmt(options.projectionCores()) + "c wf/s");
        for (Map.Entry<String, Object> entry : phases.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) entry.getValue();
            Map<String, Object> cost = perWorkflow(p);
            if (cost.isEmpty()) {
                continue;
            }
            System.out.printf(Locale.ROOT, costRow, entry.getKey(), fmt(p.get("nodes")), fmt(p.get("workflows_per_s")),
                    fmt(cost.get("commits")), fmt(cost.get("transaction_ids")), fmt(cost.get("rows_written")),
                    fmt(cost.get("events")), fmt(cost.get("service_cpu_ms")), fmt(cost.get("postgres_cpu_ms")),
                    fmt(projectedWorkflowsPerSecond(num(cost, "postgres_cpu_ms"))));
        }
        System.out.println("(commits: pg_stat_database xact_commit, read-only ones included; xids: transaction ids "
                + "taken, by transactions and savepoints that wrote, committed or rolled back; rows: inserted+updated+deleted; svc/pg ms: CPU of the service JVM(s) "
                + "and of PostgreSQL; pg" + fmt(options.projectionCores()) + "c wf/s: paper projection, PostgreSQL "
                + "CPU-bound on " + fmt(options.projectionCores()) + " cores at " + fmt(options.projectionUtilisation())
                + " utilisation, linear scaling)");
        if (summary.get("per_workflow_ratio_to_unoptimised") instanceof Map<?, ?> ratios) {
            StringBuilder perWorkflow = new StringBuilder();
            ratios.forEach((key, value) -> perWorkflow.append(perWorkflow.isEmpty() ? "" : ", ")
                    .append(key).append(' ').append(fmt(value)));
            System.out.println("ours / unoptimised: throughput " + fmt(summary.get("ratio_to_unoptimised"))
                    + "; per workflow " + perWorkflow);
        }
        if (summary.containsKey("two_node_efficiency_per_node")) {
            System.out.println("two nodes: " + fmt(summary.get("two_node_workflows_per_s")) + " workflows/s, "
                    + "efficiency per node " + fmt(summary.get("two_node_efficiency_per_node"))
                    + " ((two-node throughput / 2) / one-node throughput)");
        }
        System.out.println("peak heap " + fmt(summary.get("peak_heap_mb")) + " MB of " + options.serviceHeap()
                + "; results in " + options.resultsDir().resolve("latest.json"));
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    m.put("memory_mb", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                    break;
                }
            }
            m.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception ignored) {
            // not Linux
        }
        return m;
    }

    static String oneLine(Map<String, Object> r) {
        return "workflows/s=" + r.get("workflows_per_s") + " events/s=" + r.get("events_per_s") + " commands/s="
                + r.get("axon_commands_per_s") + " cmd=" + r.get("command_latency") + " lag=" + r.get("projection_lag")
                + " failed=" + r.get("workflows_failed") + " " + r.get("failures") + " cpu=" + r.get("cpu")
                + " per_workflow=" + r.get("per_workflow") + " status_stream=" + r.get("status_stream");
    }

    private static void append(StringBuilder line, String name, Object value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(name).append('=').append(fmt(value));
    }

    static String fmt(Object value) {
        if (value == null) {
            return "n/a";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(value);
    }

    static double num(Map<String, Object> map, String key) {
        if (map == null || !(map.get(key) instanceof Number n)) {
            return 0;
        }
        return n.doubleValue();
    }

    /** a ÷ b, or null (n/a) when either was not measured (zero: no workflow completed). */
    static Double ratioOrNull(double a, double b) {
        return a == 0 || b == 0 ? null : ratio(a, b);
    }

    static double ratio(double a, double b) {
        return b == 0 ? 0 : round(a / b, a / b < 0.1 ? 4 : 2);
    }
}
