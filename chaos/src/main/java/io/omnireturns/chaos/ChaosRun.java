package io.omnireturns.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.chaos.check.Books;
import io.omnireturns.chaos.check.ChaosReport;
import io.omnireturns.chaos.check.Invariants;
import io.omnireturns.chaos.check.StepTakeover;
import io.omnireturns.chaos.cluster.ChildPids;
import io.omnireturns.chaos.cluster.ExternalPostgres;
import io.omnireturns.chaos.cluster.SandboxProcess;
import io.omnireturns.chaos.cluster.ServiceNode;
import io.omnireturns.chaos.fault.FaultPlayer;
import io.omnireturns.chaos.load.ApiClient;
import io.omnireturns.chaos.load.ReturnDriver;
import io.omnireturns.chaos.settle.AfterLoad;
import io.omnireturns.chaos.settle.ViewCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * One chaos run: PostgreSQL, the sandbox-systems process and the nodes are started, the driver plays the returns
 * while the faults happen, everything settles, and the invariants are checked. Progress goes to {@code out}, a line
 * per event; the report's summary is the last line.
 */
public final class ChaosRun {

    private final ChaosSettings settings;
    private final PrintStream out;
    private ChildPids childPids;
    /** The sandbox systems' fault draws: the settings' seed, or a random one, printed so a run can be repeated. */
    private final long seed;
    private final long startedNanos = System.nanoTime();

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.seed = settings.seed() != 0 ? settings.seed()
                : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    public ChaosReport run() throws Exception {
        Path work = settings.workDir().toAbsolutePath();
        Files.createDirectories(work);
        if (!Files.isRegularFile(settings.appJar())) {
            throw new IllegalStateException("no service jar at " + settings.appJar().toAbsolutePath()
                    + ": build it first (mvn -B -q -pl app -am package -DskipTests)");
        }
        try (var old = Files.list(work)) { // the logs and books of an earlier run
            for (Path file : old.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
        say("work directory " + work + "; logs there");
        childPids = new ChildPids(work.resolve("children.pids"), this::say);
        say("fault seed " + seed + " (--seed=" + seed + " draws the same connector failures again)");
        childPids.killLeftovers();
        try (ExternalPostgres postgres = ExternalPostgres.fresh(work.resolve("postgres"), freePort());
             SandboxProcess sandbox = SandboxProcess.start(0, seed, work.resolve("sandbox-systems.log"))) {
            childPids.remember(sandbox.pid());
            say("PostgreSQL on port " + postgres.port() + ", sandbox systems at " + sandbox.baseUrl());
            List<ServiceNode> nodes = nodes(work, postgres, sandbox);
            try {
                startNodes(nodes);
                return load(postgres, sandbox, nodes);
            } finally {
                for (ServiceNode node : nodes) {
                    node.close();
                }
            }
        }
    }

    private List<ServiceNode> nodes(Path work, ExternalPostgres postgres, SandboxProcess sandbox) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!settings.stepTimeout().isEmpty()) {
            properties.put("omnireturns.process.lease", settings.stepTimeout()); // the step time-out became the lease (issue 12)
        }
        properties.putAll(settings.nodeProperties());
        List<ServiceNode> nodes = new ArrayList<>();
        for (int i = 1; i <= settings.nodes(); i++) {
            nodes.add(new ServiceNode("node-" + i, freePort(), settings.appJar(), work.resolve("node-" + i + ".log"),
                    postgres.jdbcUrl(), sandbox.baseUrl(), properties, settings.nodeHeap()));
        }
        return nodes;
    }

    /** All nodes side by side: they migrate the shared schema under Flyway's lock, so any order is safe. */
    private void startNodes(List<ServiceNode> nodes) throws Exception {
        for (ServiceNode node : nodes) {
            node.launch();
            childPids.remember(node.pid());
        }
        for (ServiceNode node : nodes) {
            node.awaitReady(settings.startPatience());
            say(node.name() + " ready at " + node.baseUrl());
        }
    }

    private ChaosReport load(ExternalPostgres postgres, SandboxProcess sandbox, List<ServiceNode> nodes)
            throws Exception {
        ApiClient api = new ApiClient(nodes.stream().map(ServiceNode::baseUrl).toList(), settings.requestTimeout(),
                settings.giveUpAfter());
        String runId = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        if (!settings.slowConnector().isEmpty()) {
            sandbox.fault(settings.slowConnector(), settings.slowLatency().toMillis(), 0);
            say("connector " + settings.slowConnector() + " answers after " + settings.slowLatency());
        }
        if (!settings.failingConnector().isEmpty()) {
            sandbox.fault(settings.failingConnector(), 0, settings.failureRate());
            say("connector " + settings.failingConnector() + " fails " + Math.round(settings.failureRate() * 100)
                    + " % of calls (half of them after the effect)");
        }
        try (FaultPlayer faults = new FaultPlayer(settings, postgres, nodes, api, childPids, this::say);
             ReturnDriver driver = new ReturnDriver(api, runId, settings.concurrency(), settings.labelPatience())) {
            say("playing " + settings.returns() + " returns, " + settings.concurrency() + " at a time");
            driver.start(settings.returns(), settings.spacing());
            faults.start(driver);
            Duration loadPatience = settings.giveUpAfter().multipliedBy(3).plus(settings.spacing()
                    .multipliedBy(settings.returns()));
            if (!driver.await(loadPatience)) {
                say("the driver did not finish within " + loadPatience);
            }
            faults.awaitOver();
            say(driver.streamFigures());
            sandbox.fault(settings.slowConnector().isEmpty() ? "none" : settings.slowConnector(), 0, 0);
            sandbox.fault(settings.failingConnector().isEmpty() ? "none" : settings.failingConnector(), 0, 0);
            say("load done (" + outcomes(driver.played()) + "); connectors healthy again; waiting up to "
                    + settings.quiescence() + " for every return to settle");
            AfterLoad afterLoad = new AfterLoad(postgres, sandbox, api, settings.quiescence(), this::say);
            afterLoad.awaitQuiescence();
            List<String> paidWhileHeld = afterLoad.paidWhileHeld();
            int retried = settings.retryHolds() ? afterLoad.retryHolds() : 0;
            ViewCheck view = afterLoad.verifyView();
            return report(postgres, sandbox, api, driver, faults, view, paidWhileHeld, retried);
        }
    }

    private ChaosReport report(ExternalPostgres postgres, SandboxProcess sandbox, ApiClient api, ReturnDriver driver,
                               FaultPlayer faults, ViewCheck view, List<String> paidWhileHeld, int holdsRetried)
            throws Exception {
        JsonNode calls = sandbox.calls();
        Books books = new Books(sandbox.books());
        Files.writeString(settings.workDir().resolve("books.json"), books.json().toPrettyString());
        try (Connection connection = postgres.connect()) {
            Invariants facts = Invariants.read(connection, books);
            String killedNode = faults.killedNode();
            StepTakeover.Result takeover = faults.killedAt() == null ? null : StepTakeover.measure(calls, killedNode,
                    faults.killedAt(), settings.effectiveStepTimeout().plusSeconds(30), facts.events());
            int lost = (int) driver.played().stream().filter(p -> p.returnId() == null).count();
            // 503 DATABASE_UNAVAILABLE is the expected answer during the outage; at any other time it is a failure
            Map<String, Long> serverErrors = new TreeMap<>(api.serverErrors());
            long unavailable = 0;
            for (Instant at : api.unavailableAt()) {
                if (faults.duringOutage(at)) {
                    unavailable++;
                } else {
                    serverErrors.merge("503 DATABASE_UNAVAILABLE outside the outage", 1L, Long::sum);
                }
            }
            if (takeover != null && takeover.inFlight() == 0) {
                faults.notPlayed(killedNode + " had no step in flight at the kill: the take-over was not exercised");
            }
            if (settings.outage() && faults.outageBegan() && unavailable == 0) {
                faults.notPlayed("no request met the outage (no 503 DATABASE_UNAVAILABLE)");
            }
            ChaosReport report = new ChaosReport(facts.returnIds().size(), facts.count("COMPLETED"),
                    facts.count("ON_HOLD"), facts.stuck(), lost, facts.doubleRefunds(), facts.doublePostings(),
                    facts.refundMismatch(), facts.postingMismatch(), facts.missing(), facts.gatewayTotal(),
                    facts.ledgerTotal(), view.equal(), serverErrors, unavailable, api.unreachable(),
                    api.requests(), takeover, paidWhileHeld, holdsRetried, settings.maxTakeover() == null ? null
                    : settings.maxTakeover().toMillis() / 1000.0, (System.nanoTime() - startedNanos) / 1e9,
                    settings.returns(), view.compared(), faults.notPlayed(),
                    api.slow(), facts.completedWithoutRefund(), seed);
            say("calls to the sandbox systems: " + calls.size() + "; driver outcomes: " + outcomes(driver.played()));
            if (takeover != null) {
                say("steps " + killedNode + " had in flight at the kill: " + takeover.inFlight()
                        + ", the longest waited " + takeover.maxSeconds() + " s for another node and completed "
                        + takeover.maxCompletedSeconds() + " s after the kill"
                        + (takeover.notTakenOver().isEmpty() ? "" : "; never completed (their returns went on "
                        + "without them): " + takeover.notTakenOver()));
            }
            report.failures().forEach(failure -> say("INVARIANT FAILED: " + failure));
            return report;
        }
    }

    private static String outcomes(List<ReturnDriver.Played> played) {
        Map<String, Long> byOutcome = played.stream().collect(Collectors.groupingBy(
                p -> p.outcome().length() > 80 ? p.outcome().substring(0, 80) : p.outcome(), TreeMap::new,
                Collectors.counting()));
        return byOutcome.toString();
    }

    private void say(String line) {
        out.printf("[chaos %6.1fs] %s%n", (System.nanoTime() - startedNanos) / 1e9, line);
        out.flush();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
