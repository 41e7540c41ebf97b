package io.omnireturns.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run does, from {@code --name=value} arguments (see BENCHMARKS.md). {@code --short} picks small counts
 * (about three minutes in all on a quiet machine); the defaults are the full configuration.
 */
record BenchOptions(
        boolean shortRun,
        Path serviceJar,
        Path resultsDir,
        String serviceHeap,
        List<String> serviceJvmArgs,
        boolean jfr,
        int poolSize,
        Duration ceilingDuration,
        int concurrency,
        Duration warmup,
        Duration measure,
        double offeredRate,
        Duration offeredDuration,
        double sustainableFraction,
        boolean unoptimised,
        boolean defaultAxon,
        boolean twoNode,
        int twoNodeConcurrency,
        int projectionCores,
        double projectionUtilisation,
        boolean slow,
        Duration slowMedian,
        double slowSigma,
        int slowConcurrency,
        int slowCallThreads,
        Duration drain,
        Duration workflowTimeout,
        int lagSampleEvery,
        Duration fallbackPoll,
        int maxInFlight,
        int webShare,
        int storeShare,
        Credentials webShop,
        Credentials pos,
        Credentials warehouse,
        Credentials serviceAgent,
        Credentials operations,
        boolean scale,
        int scaleReturns,
        int scaleQueries,
        Map<String, String> serviceProperties) {

    record Credentials(String user, String password) {

        String header() {
            return LoadGenerator.basic(user, password);
        }

        static Credentials parse(String userColonPassword) {
            int colon = userColonPassword.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("credentials are user:password, got " + userColonPassword);
            }
            return new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
        }
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        List<String> jvmArgs = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (see BENCHMARKS.md)");
            }
            String option = arg.substring(2);
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "true" : option.substring(eq + 1);
            if (name.startsWith("service.")) {
                // --service.<property>=<value> goes to the service of every phase, e.g. --service.spring.datasource.hikari.maximum-pool-size=30
                serviceProperties.put(name.substring("service.".length()), value);
            } else if (name.equals("service-jvm-arg")) {
                jvmArgs.add(value);
            } else {
                given.put(name, value);
            }
        }
        boolean shortRun = Boolean.parseBoolean(given.getOrDefault("short", "false"));
        Values v = new Values(given, shortRun);
        BenchOptions options = new BenchOptions(shortRun,
                Path.of(v.text("service-jar", "app/target/omnireturns.jar", null)),
                Path.of(v.text("results", "bench/results", null)),
                v.text("service-heap", "512m", null),
                List.copyOf(jvmArgs),
                v.bool("jfr", false, false),
                v.integer("pool-size", 20, 20),
                v.duration("ceiling-duration", "15s", "2s"),
                v.integer("concurrency", 16, 16),
                v.duration("warmup", "30s", "3s"),
                v.duration("measure", "60s", "6s"),
                v.decimal("offered-rate", 100, 100),
                v.duration("offered-duration", "60s", "3s"),
                v.decimal("sustainable-fraction", 0.5, 0),
                v.bool("unoptimised", true, true),
                v.bool("default-axon", true, true),
                v.bool("two-node", true, true),
                v.integer("two-node-concurrency", 0, 0), // 0: twice concurrency, as many per node as one node has
                v.integer("projection-cores", 16, 16),
                v.decimal("projection-utilisation", 0.7, 0.7),
                v.bool("slow", true, true),
                v.duration("slow-median", "200ms", "200ms"),
                v.decimal("slow-sigma", 0.5, 0.5),
                v.integer("slow-concurrency", 64, 64),
                v.integer("slow-call-threads", 0, 0),
                v.duration("drain", "60s", "2s"),
                v.duration("workflow-timeout", "120s", "60s"),
                v.integer("lag-sample-every", 5, 5),
                v.duration("fallback-poll", "10s", "10s"),
                v.integer("max-in-flight", 200, 200),
                v.integer("web-share", 5, 5),
                v.integer("store-share", 3, 3),
                Credentials.parse(v.text("auth-web-shop", "web-shop:demo", null)),
                Credentials.parse(v.text("auth-pos", "pos:demo", null)),
                Credentials.parse(v.text("auth-warehouse", "warehouse:demo", null)),
                Credentials.parse(v.text("auth-service-agent", "service-agent:demo", null)),
                Credentials.parse(v.text("auth-operations", "operations:demo", null)),
                v.bool("scale", true, true),
                v.integer("scale-returns", 1_000_000, 500),
                v.integer("scale-queries", 10_000, 500),
                Map.copyOf(serviceProperties));
        if (!given.isEmpty()) {
            given.remove("short");
            v.used.forEach(given::remove);
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet() + " (see BENCHMARKS.md)");
            }
        }
        if (options.projectionUtilisation() <= 0 || options.projectionUtilisation() > 1) {
            throw new IllegalArgumentException("projection-utilisation is a fraction in (0, 1]");
        }
        if (options.webShare() + options.storeShare() > 10) {
            throw new IllegalArgumentException("web-share + store-share are tenths and must not exceed 10");
        }
        return options;
    }

    /** Workflows at once in the two-node phase: as given, else as many per node as the one-node closed loop has. */
    public int twoNodeConcurrency() {
        return twoNodeConcurrency > 0 ? twoNodeConcurrency : 2 * concurrency;
    }

    /** The options as reported in the JSON. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("configuration", shortRun ? "short" : "full");
        d.put("service_heap", serviceHeap);
        d.put("pool_size", poolSize);
        d.put("ceiling_duration_s", ceilingDuration.toSeconds());
        d.put("closed_loop_concurrency", concurrency);
        d.put("warmup_s", warmup.toSeconds());
        d.put("measure_s", measure.toSeconds());
        d.put("offered_rate_per_s", offeredRate);
        d.put("offered_duration_s", offeredDuration.toSeconds());
        d.put("sustainable_fraction", sustainableFraction);
        d.put("unoptimised", unoptimised);
        d.put("default_axon", defaultAxon);
        d.put("two_node", twoNode);
        d.put("two_node_concurrency", twoNodeConcurrency());
        d.put("projection_postgres_cores", projectionCores);
        d.put("projection_utilisation", projectionUtilisation);
        d.put("slow_median_ms", slowMedian.toMillis());
        d.put("slow_sigma", slowSigma);
        d.put("slow_concurrency", slowConcurrency);
        d.put("slow_call_threads", slowCallThreads);
        d.put("mix_tenths_web_store_exchange", List.of(webShare, storeShare, 10 - webShare - storeShare));
        d.put("status_from", "stream"); // GET /api/v1/returns/events (earlier results polled the status GET)
        d.put("lag_sample_every", lagSampleEvery);
        d.put("open_loop_max_in_flight", maxInFlight);
        d.put("fallback_poll_s", fallbackPoll.toMillis() / 1000.0);
        d.put("service_properties", serviceProperties);
        d.put("service_jvm_args", serviceJvmArgs);
        return d;
    }

    private static final class Values {
        private final Map<String, String> given;
        private final boolean shortRun;
        private final List<String> used = new ArrayList<>();

        Values(Map<String, String> given, boolean shortRun) {
            this.given = given;
            this.shortRun = shortRun;
        }

        String text(String name, String full, String shortValue) {
            used.add(name);
            return given.getOrDefault(name, shortRun && shortValue != null ? shortValue : full);
        }

        int integer(String name, int full, int shortValue) {
            return Integer.parseInt(text(name, String.valueOf(full), String.valueOf(shortValue)));
        }

        double decimal(String name, double full, double shortValue) {
            return Double.parseDouble(text(name, String.valueOf(full), String.valueOf(shortValue)));
        }

        boolean bool(String name, boolean full, boolean shortValue) {
            return Boolean.parseBoolean(text(name, String.valueOf(full), String.valueOf(shortValue)));
        }

        Duration duration(String name, String full, String shortValue) {
            String value = text(name, full, shortValue).trim().toLowerCase();
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
            }
            return Duration.ofMillis(Long.parseLong(value));
        }
    }
}
