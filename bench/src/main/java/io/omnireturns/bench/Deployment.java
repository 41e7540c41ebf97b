package io.omnireturns.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one phase measures: a fresh {@link Postgres} and one or more service processes of the same jar on it (distinct
 * ports; the load generator spreads workflows over them). Its CPU and counters are the sum over its nodes.
 */
final class Deployment implements AutoCloseable {

    static final String AGGREGATE_CACHE = "omnireturns.command.aggregate-cache";

    private final Postgres postgres;
    private final List<ServiceProcess> nodes;
    private final Map<String, String> properties;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "postgres-memory-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile long peakPostgresRssBytes;

    private Deployment(Postgres postgres, List<ServiceProcess> nodes, Map<String, String> properties) {
        this.postgres = postgres;
        this.nodes = nodes;
        this.properties = properties;
    }

    /**
     * Starts the database, then the nodes one after the other (the first migrates the schema; the others find it
     * done). Node {@code i} of {@code name} is {@code name}, {@code name-2}, ...
     */
    static Deployment start(String name, int nodeCount, BenchOptions options, Map<String, String> given,
                            Path logDir) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(given);
        if (nodeCount == 1) {
            // what the service does by default when it owns its store (its embedded database); with several
            // command-side nodes on one store it stays off, its default on an external database (CommandSideProperties)
            properties.putIfAbsent(AGGREGATE_CACHE, "weak-reference");
        }
        Postgres postgres = Postgres.start();
        List<ServiceProcess> nodes = new ArrayList<>();
        Deployment deployment = new Deployment(postgres, nodes, Map.copyOf(properties));
        try {
            for (int i = 1; i <= nodeCount; i++) {
                nodes.add(ServiceProcess.start(i == 1 ? name : name + "-" + i, options, properties,
                        postgres.jdbcUrl(), logDir));
            }
        } catch (Exception e) {
            deployment.close();
            throw e;
        }
        deployment.sampler.scheduleAtFixedRate(deployment::sampleMemory, 0, 1000, TimeUnit.MILLISECONDS);
        return deployment;
    }

    List<String> baseUrls() {
        return nodes.stream().map(ServiceProcess::baseUrl).toList();
    }

    int nodeCount() {
        return nodes.size();
    }

    String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    Postgres.Counters counters() throws Exception {
        return postgres.counters();
    }

    /** A meter's value summed over the nodes. */
    double metricValue(String meterAndTags) {
        double sum = 0;
        for (ServiceProcess node : nodes) {
            sum += node.metricValue(meterAndTags);
        }
        return sum;
    }

    /** CPU seconds so far of the service JVMs together (index 0) and of PostgreSQL (index 1). */
    double[] cpuSeconds() {
        ProcessCpu now = ProcessCpu.snapshot();
        double jvms = 0;
        for (ServiceProcess node : nodes) {
            jvms += now.seconds(node.pid());
        }
        return new double[] {jvms, postgres.cpuSeconds(now)};
    }

    private void sampleMemory() {
        try {
            peakPostgresRssBytes = Math.max(peakPostgresRssBytes, postgres.rssBytes(ProcessCpu.snapshot()));
        } catch (RuntimeException ignored) {
            // a missed sample is no reason to stop the run
        }
    }

    /** Peak heap and resident memory (the largest node's), the logs, the properties the nodes were given. */
    Map<String, Object> figures() {
        long heap = 0;
        long rss = 0;
        List<String> logs = new ArrayList<>();
        for (ServiceProcess node : nodes) {
            heap = Math.max(heap, node.peakHeapBytes());
            rss = Math.max(rss, node.peakJvmRssBytes());
            logs.add(node.log().toString());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nodes", nodes.size());
        s.put("peak_heap_mb", BenchMain.round(heap / 1048576.0, 1));
        s.put("peak_jvm_rss_mb", BenchMain.round(rss / 1048576.0, 1));
        s.put("peak_postgres_rss_mb", BenchMain.round(peakPostgresRssBytes / 1048576.0, 1));
        s.put("aggregate_cache", properties.getOrDefault(AGGREGATE_CACHE, "none"));
        s.put("log", logs.size() == 1 ? logs.get(0) : logs);
        return s;
    }

    @Override
    public void close() throws Exception {
        sampler.shutdownNow();
        for (ServiceProcess node : nodes) {
            node.close();
        }
        postgres.close();
    }
}
