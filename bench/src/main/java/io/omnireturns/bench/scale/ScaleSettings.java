package io.omnireturns.bench.scale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scale benchmark does: how many returns it generates, where the service jar and the data live, how the
 * service runs and how the queries are measured. Every field has a default that works on a fresh machine; the
 * {@code --name=value} options of {@link ScaleBenchmark#main} set them by their field names.
 *
 * @param returns             returns to generate (the events follow from the captured workflows, about 20 each)
 * @param serviceJar          the all-in-one service, {@code app/target/omnireturns.jar}
 * @param dataDir             the embedded PostgreSQL cluster of the run; kept, so a later run can reuse the store
 * @param reuseStore          when the data dir already holds a generated store of at least {@code returns} returns,
 *                            measure on it instead of generating again
 * @param heap                the service's {@code -Xmx}
 * @param serviceArgs         extra {@code --property=value} arguments for the service (processor tuning, pool size)
 * @param serviceJvmArgs      extra JVM options for the service (JFR, GC logging)
 * @param httpPort            the service's port; 0 picks a free one
 * @param postgresPort        the embedded PostgreSQL's port; 0 picks a free one
 * @param returnsPerCustomer  generated returns share a customer this often (search by customer finds about as many)
 * @param writers             parallel COPY streams of the generator
 * @param views               processors whose replay is measured, in this order
 * @param warmupQueries       requests of each kind before measuring
 * @param queries             measured requests of each kind
 * @param queryThreads        concurrent clients for the queries
 * @param verifyReturns       generated returns whose view, state and history are checked against each other
 * @param readerUser          HTTP Basic user for reading returns (and its password below; every user's is the same)
 * @param operationsUser      HTTP Basic user for the processor administration
 * @param auditorUser         HTTP Basic user for the history and state of a return
 * @param password            the demo users' password
 * @param replayTimeoutSeconds give up a replay after this long
 * @param viewSegments        when above 0, the measured views' processors get this many segments (a power of two)
 *                            in the token store before the service starts; 0 keeps what the service created
 */
public record ScaleSettings(
        int returns,
        Path serviceJar,
        Path dataDir,
        boolean reuseStore,
        String heap,
        List<String> serviceArgs,
        List<String> serviceJvmArgs,
        int httpPort,
        int postgresPort,
        int returnsPerCustomer,
        int writers,
        List<String> views,
        int warmupQueries,
        int queries,
        int queryThreads,
        int verifyReturns,
        String readerUser,
        String operationsUser,
        String auditorUser,
        String password,
        int replayTimeoutSeconds,
        int viewSegments) {

    public ScaleSettings {
        serviceArgs = List.copyOf(serviceArgs);
        serviceJvmArgs = List.copyOf(serviceJvmArgs);
        views = List.copyOf(views);
        if (returns < 1) {
            throw new IllegalArgumentException("returns must be at least 1");
        }
    }

    /** The same settings with one more JVM option for the service. */
    public ScaleSettings withServiceJvmArg(String jvmArg) {
        List<String> jvmArgs = new ArrayList<>(serviceJvmArgs);
        jvmArgs.add(jvmArg);
        return new ScaleSettings(returns, serviceJar, dataDir, reuseStore, heap, serviceArgs, jvmArgs, httpPort,
                postgresPort, returnsPerCustomer, writers, views, warmupQueries, queries, queryThreads, verifyReturns,
                readerUser, operationsUser, auditorUser, password, replayTimeoutSeconds, viewSegments);
    }

    public static ScaleSettings defaults() {
        return new ScaleSettings(100_000, Path.of("app/target/omnireturns.jar"), Path.of("target/scale-data"), true,
                "512m", List.of(), List.of(), 0, 0, 5, 2, List.of("return-status", "finance-ledger"), 2_000, 10_000, 1,
                5, "service-agent", "operations", "auditor", "demo", 7_200, 0);
    }

    /** {@code --returns=1000000 --dataDir=/data --serviceArg=--axon...=8 --serviceJvmArg=-XX:...} and so on. */
    public static ScaleSettings fromArgs(String... args) {
        Map<String, List<String>> options = new TreeMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            options.computeIfAbsent(arg.substring(2, eq), key -> new ArrayList<>()).add(arg.substring(eq + 1));
        }
        ScaleSettings d = defaults();
        ScaleSettings settings = new ScaleSettings(
                integer(options, "returns", d.returns()),
                Path.of(text(options, "serviceJar", d.serviceJar().toString())),
                Path.of(text(options, "dataDir", d.dataDir().toString())),
                Boolean.parseBoolean(text(options, "reuseStore", String.valueOf(d.reuseStore()))),
                text(options, "heap", d.heap()),
                options.getOrDefault("serviceArg", d.serviceArgs()),
                options.getOrDefault("serviceJvmArg", d.serviceJvmArgs()),
                integer(options, "httpPort", d.httpPort()),
                integer(options, "postgresPort", d.postgresPort()),
                integer(options, "returnsPerCustomer", d.returnsPerCustomer()),
                integer(options, "writers", d.writers()),
                options.containsKey("views") ? java.util.Arrays.stream(text(options, "views", "").split(","))
                        .map(String::strip).filter(view -> !view.isEmpty()).toList() : d.views(),
                integer(options, "warmupQueries", d.warmupQueries()),
                integer(options, "queries", d.queries()),
                integer(options, "queryThreads", d.queryThreads()),
                integer(options, "verifyReturns", d.verifyReturns()),
                text(options, "readerUser", d.readerUser()),
                text(options, "operationsUser", d.operationsUser()),
                text(options, "auditorUser", d.auditorUser()),
                text(options, "password", d.password()),
                integer(options, "replayTimeoutSeconds", d.replayTimeoutSeconds()),
                integer(options, "viewSegments", d.viewSegments()));
        options.keySet().removeAll(List.of("returns", "serviceJar", "dataDir", "reuseStore", "heap", "serviceArg",
                "serviceJvmArg", "httpPort", "postgresPort", "returnsPerCustomer", "writers", "views", "warmupQueries",
                "queries", "queryThreads", "verifyReturns", "readerUser", "operationsUser", "auditorUser", "password",
                "replayTimeoutSeconds", "viewSegments"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet());
        }
        return settings;
    }

    private static String text(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }

    private static int integer(Map<String, List<String>> options, String name, int fallback) {
        return Integer.parseInt(text(options, name, String.valueOf(fallback)).replace("_", ""));
    }
}
