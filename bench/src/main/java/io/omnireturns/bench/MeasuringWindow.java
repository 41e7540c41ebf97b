package io.omnireturns.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static io.omnireturns.bench.BenchMain.round;

/**
 * One measuring window of a workflow phase: the database's counters, the CPU of the nodes and of PostgreSQL and the
 * load generator's recordings at its start; at its end, everything that happened while it was open, rates per second
 * and costs per completed workflow. Closed-loop and offered-rate windows run in a steady state, so the workflows in
 * flight at either end (and pg_stat_database's delay of up to a second in publishing a backend's counts) even out.
 */
final class MeasuringWindow {

    private static final String COMMANDS_METRIC = "commandBus.allTimer";

    private final Deployment deployment;
    private final LoadGenerator generator;
    private final long start;
    private final Postgres.Counters counters;
    private final double commands;
    private final double[] cpu;
    private final double loadCpu;
    private final InFlightSampler inFlight;

    private MeasuringWindow(Deployment deployment, LoadGenerator generator, Postgres.Counters counters,
                            double commands, double[] cpu, InFlightSampler inFlight) {
        this.deployment = deployment;
        this.generator = generator;
        this.counters = counters;
        this.commands = commands;
        this.cpu = cpu;
        this.loadCpu = processCpuSeconds();
        this.inFlight = inFlight;
        this.start = System.nanoTime();
    }

    static MeasuringWindow open(Deployment deployment, LoadGenerator generator) throws Exception {
        InFlightSampler sampler = new InFlightSampler(generator);
        sampler.start();
        generator.startMeasuring();
        return new MeasuringWindow(deployment, generator, deployment.counters(),
                deployment.metricValue(COMMANDS_METRIC), deployment.cpuSeconds(), sampler);
    }

    Map<String, Object> close() throws Exception {
        generator.stopMeasuring();
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuNow = deployment.cpuSeconds();
        Postgres.Counters done = deployment.counters().since(counters);
        double commandsNow = deployment.metricValue(COMMANDS_METRIC);
        double loadCpuNow = processCpuSeconds();
        inFlight.interrupt();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("nodes", deployment.nodeCount());
        r.put("seconds", round(seconds, 1));
        long completed = generator.completed.sum();
        r.put("workflows_completed", completed);
        r.put("workflows_failed", generator.failed.sum());
        r.put("workflows_not_started", generator.notStarted.sum());
        Map<String, Long> failures = new TreeMap<>();
        generator.failures.forEach((reason, count) -> failures.put(reason, count.sum()));
        r.put("failures", failures);
        Map<String, Long> byKind = new TreeMap<>();
        generator.completedByKind.forEach((kind, count) -> byKind.put(kind.name(), count.sum()));
        r.put("completed_by_kind", byKind);
        r.put("workflows_per_s", round(completed / seconds, 1));
        r.put("events_per_s", round(done.globalIndex() / seconds, 1));
        r.put("rest_commands_per_s", round(generator.commands.sum() / seconds, 1));
        r.put("axon_commands_per_s", round((commandsNow - commands) / seconds, 1));
        r.put("command_latency", generator.commandLatency.summaryMillis());
        Map<String, Object> byCommand = new TreeMap<>();
        generator.commandLatencyByKind.forEach((name, samples) -> byCommand.put(name, samples.summaryMillis()));
        r.put("command_latency_by_command", byCommand);
        r.put("projection_lag", generator.projectionLag.summaryMillis());
        Map<String, Object> lagByCommand = new TreeMap<>();
        generator.projectionLagByCommand.forEach((name, samples) -> lagByCommand.put(name, samples.summaryMillis()));
        r.put("projection_lag_by_command", lagByCommand);
        r.put("workflow_duration", generator.workflowDuration.summaryMillis());
        r.put("in_flight_max", inFlight.max);
        r.put("in_flight_mean", round(inFlight.mean(), 1));
        double jvm = cpuNow[0] - cpu[0];
        double postgres = cpuNow[1] - cpu[1];
        Map<String, Object> cpuUse = new LinkedHashMap<>();
        cpuUse.put("service_jvm_cores", round(jvm / seconds, 2));
        cpuUse.put("postgres_cores", round(postgres / seconds, 2));
        cpuUse.put("load_generator_cores", round((loadCpuNow - loadCpu) / seconds, 2));
        cpuUse.put("machine_cores", Runtime.getRuntime().availableProcessors());
        r.put("cpu", cpuUse);
        r.put("per_workflow", perWorkflow(done, jvm, postgres, completed));
        return r;
    }

    /**
     * What one completed workflow cost, as {@code probe-cost} measures it: database commits (read-only transactions
     * included: the status view polled), transaction ids taken (transactions and savepoints that wrote, committed
     * or rolled back), rollbacks, rows inserted, updated or deleted, events stored,
     * and CPU milliseconds of the service JVMs (all nodes) and of PostgreSQL. Null (n/a) when no workflow completed.
     */
    static Map<String, Object> perWorkflow(Postgres.Counters done, double jvmSeconds, double postgresSeconds,
                                           long completed) {
        Map<String, Object> w = new LinkedHashMap<>();
        Double n = completed == 0 ? null : (double) completed; // none completed: no cost per workflow (null, n/a)
        w.put("commits", per(done.commits(), n));
        w.put("transaction_ids", per(done.nextTransactionId(), n));
        w.put("rollbacks", per(done.rollbacks(), n));
        w.put("rows_written", per(done.rowsWritten(), n));
        w.put("events", per(done.globalIndex(), n));
        w.put("service_cpu_ms", per(jvmSeconds * 1000, n));
        w.put("postgres_cpu_ms", per(postgresSeconds * 1000, n));
        return w;
    }

    private static Double per(double total, Double workflows) {
        return workflows == null ? null : round(total / workflows, 1);
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** How many workflows are in flight, sampled every 100 ms. */
    private static final class InFlightSampler extends Thread {
        private final LoadGenerator generator;
        volatile int max;
        private long sum;
        private long samples;

        InFlightSampler(LoadGenerator generator) {
            super("in-flight-sampler");
            setDaemon(true);
            this.generator = generator;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                int now = generator.inFlight.get();
                max = Math.max(max, now);
                synchronized (this) {
                    sum += now;
                    samples++;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized double mean() {
            return samples == 0 ? 0 : sum / (double) samples;
        }
    }
}
