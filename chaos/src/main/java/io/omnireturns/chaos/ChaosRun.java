package io.omnireturns.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.chaos.check.Books;
import io.omnireturns.chaos.check.ChaosReport;
import io.omnireturns.chaos.check.Invariants;
import io.omnireturns.chaos.check.StepTakeover;
import io.omnireturns.chaos.cluster.ExternalPostgres;
import io.omnireturns.chaos.cluster.SandboxProcess;
import io.omnireturns.chaos.cluster.ServiceNode;
import io.omnireturns.chaos.load.ApiClient;
import io.omnireturns.chaos.load.ReturnDriver;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * One chaos run: PostgreSQL, the sandbox-systems process and the nodes are started, the driver plays the returns
 * while the faults happen, everything settles, and the invariants are checked. Progress goes to {@code out}, a line
 * per event; the report's summary is the last line.
 */
public final class ChaosRun {

    private final ChaosSettings settings;
    /** How long after PostgreSQL is back a 503 DATABASE_UNAVAILABLE is still accepted (a request sent just before). */
    static final Duration OUTAGE_GRACE = Duration.ofSeconds(5);
    /** How often the killed node is started before its restart counts as failed. */
    static final int RESTARTS = 5;

    private final PrintStream out;
    private volatile ApiClient api;
    private Path children;
    /** The sandbox systems' fault draws: the settings' seed, or a random one, printed so a run can be repeated. */
    private final long seed;
    private final long startedNanos = System.nanoTime();
    private volatile String killedNode;
    private volatile Instant killedAt;
    private volatile Instant outageFrom;
    private volatile Instant outageUntil;
    /** Faults of the settings that did not happen as planned: each fails the run (a fault not played is no test). */
    private final List<String> faultsNotPlayed = new CopyOnWriteArrayList<>();

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.seed = settings.seed() != 0 ? settings.seed()
                : java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
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
        children = work.resolve("children.pids");
        say("fault seed " + seed + " (--seed=" + seed + " draws the same connector failures again)");
        killLeftovers(children);
        try (ExternalPostgres postgres = ExternalPostgres.fresh(work.resolve("postgres"), freePort());
             SandboxProcess sandbox = SandboxProcess.start(0, seed, work.resolve("sandbox-systems.log"))) {
            remember(sandbox.pid());
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
            properties.put("omnireturns.process.step-timeout", settings.stepTimeout());
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
            remember(node.pid());
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
        this.api = api;
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
        ExecutorService faults = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "faults");
            t.setDaemon(true);
            return t;
        });
        try (ReturnDriver driver = new ReturnDriver(api, runId, settings.concurrency(), settings.labelPatience())) {
            say("playing " + settings.returns() + " returns, " + settings.concurrency() + " at a time");
            driver.start(settings.returns(), settings.spacing());
            // the kill (and restart) and the outage each on their own thread, so a slow restart cannot push the
            // outage past the end of the load
            Future<?> kill = faults.submit(() -> {
                kill(postgres, nodes, driver);
                return null;
            });
            Future<?> outage = faults.submit(() -> {
                outage(postgres, driver);
                return null;
            });
            Duration loadPatience = settings.giveUpAfter().multipliedBy(3).plus(settings.spacing()
                    .multipliedBy(settings.returns()));
            if (!driver.await(loadPatience)) {
                say("the driver did not finish within " + loadPatience);
            }
            Duration faultPatience = settings.restartAfter().plus(settings.startPatience())
                    .plus(settings.outageDuration()).plusMinutes(1);
            for (Future<?> fault : List.of(kill, outage)) {
                try {
                    fault.get(faultPatience.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException failed) {
                    // e.g. the killed node did not come back: the run goes on with the nodes it has, and fails
                    notPlayed("a fault could not be played out: " + failed.getCause());
                } catch (java.util.concurrent.TimeoutException late) {
                    notPlayed("a fault was not over " + faultPatience + " after the load");
                }
            }
            sandbox.fault(settings.slowConnector().isEmpty() ? "none" : settings.slowConnector(), 0, 0);
            sandbox.fault(settings.failingConnector().isEmpty() ? "none" : settings.failingConnector(), 0, 0);
            say("load done (" + outcomes(driver.played()) + "); connectors healthy again; waiting up to "
                    + settings.quiescence() + " for every return to settle");
            awaitQuiescence(postgres, sandbox);
            List<String> paidWhileHeld = paidWhileHeld(postgres, sandbox);
            int retried = 0;
            for (int round = 1; settings.retryHolds() && round <= 3; round++) {
                int now = retryHolds(postgres, api);
                if (now == 0) {
                    break;
                }
                retried += now;
                say("retried " + now + " open exceptions as operations would (POST /api/v1/exceptions/{id}/retry)");
                awaitQuiescence(postgres, sandbox);
            }
            ViewCheck view = verifyView(api);
            return report(postgres, sandbox, api, driver, view, paidWhileHeld, retried);
        } finally {
            faults.shutdownNow();
            if (!faults.awaitTermination(30, TimeUnit.SECONDS)) {
                say("a fault thread did not stop within 30 s");
            }
        }
    }

    /** Kill -9 (and restart) the return process's node once {@code killAt} of the returns started. */
    private void kill(ExternalPostgres postgres, List<ServiceNode> nodes, ReturnDriver driver) throws Exception {
        if (!settings.kill()) {
            return;
        }
        awaitStarted(driver, settings.killAt());
        ServiceNode victim = sagaOwner(postgres, nodes).orElseGet(() -> {
            notPlayed("no node owned the return process's segment at the kill; " + nodes.get(0).name()
                    + " killed instead");
            return nodes.get(0);
        });
        victim.kill();
        killedAt = Instant.now();
        killedNode = victim.name();
        say("kill -9 " + victim.name() + " (pid " + victim.pid() + ", owner of the return process's segment)");
        if (settings.restart()) {
            Thread.sleep(settings.restartAfter().toMillis());
            // as a restart policy would (Docker's unless-stopped): a node that exits at start-up, e.g. because
            // PostgreSQL is down while it migrates, is started again, at most RESTARTS times
            for (int attempt = 1; ; attempt++) {
                victim.launch();
                remember(victim.pid());
                try {
                    victim.awaitReady(settings.startPatience());
                    say(victim.name() + " restarted and ready" + (attempt > 1 ? " (start " + attempt + ")" : ""));
                    return;
                } catch (IllegalStateException exited) {
                    if (victim.alive() || attempt == RESTARTS) {
                        throw exited;
                    }
                    say(victim.name() + " exited at start-up (see its log); started again as a restart policy would");
                    Thread.sleep(2000);
                }
            }
        }
    }

    /** PostgreSQL stopped for {@code outageDuration} once {@code outageAt} of the returns started. */
    private void outage(ExternalPostgres postgres, ReturnDriver driver) throws Exception {
        if (!settings.outage()) {
            return;
        }
        awaitStarted(driver, settings.outageAt());
        if (driver.finished() >= settings.returns()) {
            notPlayed("the outage would start after the load ended: no request would meet it");
        }
        outageFrom = Instant.now();
        api.outage(true);
        try {
            postgres.stop();
            say("PostgreSQL stopped for " + settings.outageDuration());
            Thread.sleep(settings.outageDuration().toMillis());
            postgres.start();
            say("PostgreSQL started again (same port, same data directory)");
        } finally {
            outageUntil = Instant.now(); // also when it did not come back: the schedule's failure says so
            api.outage(false);
        }
    }

    /** Writes a child JVM's pid to the work directory, so the next run can end it if this harness is killed. */
    private synchronized void remember(long pid) throws IOException {
        Files.writeString(children, pid + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The node and sandbox JVMs a killed harness left running (pids it wrote), SIGKILLed before anything starts. */
    private void killLeftovers(Path pids) throws IOException, InterruptedException {
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false));
            if (leftover.isPresent()) {
                say("killing pid " + line.trim() + ", left running by an earlier run");
                leftover.get().destroyForcibly();
                try {
                    leftover.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException ignored) {
                    say("pid " + line.trim() + " did not end within 10 s");
                }
            }
        }
        Files.delete(pids);
    }

    private void notPlayed(String fault) {
        faultsNotPlayed.add(fault);
        say("FAULT NOT PLAYED OUT: " + fault);
    }

    private void awaitStarted(ReturnDriver driver, double share) throws InterruptedException {
        int target = (int) Math.ceil(settings.returns() * share);
        while (driver.started() < target) {
            Thread.sleep(200);
        }
    }

    /** The node whose JVM owns the return process's (only) segment: the one with saga steps in flight. */
    private Optional<ServiceNode> sagaOwner(ExternalPostgres postgres, List<ServiceNode> nodes) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT owner FROM tokenentry WHERE processorname = 'return-process' AND owner IS NOT NULL")) {
            while (rows.next()) {
                String owner = rows.getString(1);
                for (ServiceNode node : nodes) {
                    if (owner.startsWith(node.pid() + "@")) {
                        return Optional.of(node);
                    }
                }
            }
        } catch (SQLException unknown) {
            say("cannot read the segment's owner: " + unknown.getMessage());
        }
        return Optional.empty();
    }

    /** Until every return is COMPLETED or ON_HOLD with a reason and the ledger's refunds equal the gateway's. */
    private void awaitQuiescence(ExternalPostgres postgres, SandboxProcess sandbox) throws Exception {
        long deadline = System.nanoTime() + settings.quiescence().toNanos();
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = postgres.connect()) {
                Invariants now = Invariants.read(connection, new Books(sandbox.books()));
                if (now.stuck().isEmpty() && now.eventRefundTotal().equals(now.ledgerTotal())) {
                    say("settled: " + now.returnIds().size() + " returns");
                    return;
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    say("not settled yet: " + now.stuck() + ", gateway " + now.gatewayTotal() + ", ledger "
                            + now.ledgerTotal());
                }
            } catch (SQLException | IOException notNow) {
                say("cannot read the state yet: " + notNow.getMessage());
            }
            Thread.sleep(2000);
        }
        say("not settled after " + settings.quiescence() + ": checking as it stands");
    }

    private List<String> paidWhileHeld(ExternalPostgres postgres, SandboxProcess sandbox) throws Exception {
        try (Connection connection = postgres.connect()) {
            List<String> held = Invariants.read(connection, new Books(sandbox.books())).paidWhileHeld();
            if (!held.isEmpty()) {
                say(held.size() + " returns ON_HOLD although the gateway paid them (answer lost, then the step "
                        + "gave up): " + held.subList(0, Math.min(5, held.size())));
            }
            return held;
        }
    }

    /** Operations' part once the faults are gone: every open exception retried (the same idempotency keys). */
    private int retryHolds(ExternalPostgres postgres, ApiClient api) throws Exception {
        List<String> open = new ArrayList<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT exception_id FROM exception_queue WHERE state = 'OPEN'")) {
            while (rows.next()) {
                open.add(rows.getString(1));
            }
        }
        for (String exceptionId : open) {
            ApiClient.Answer answer = api.post("/api/v1/exceptions/" + exceptionId + "/retry", ApiClient.OPERATIONS,
                    Map.of(), null);
            if (answer.status() != 200) {
                say("retry of " + exceptionId + " answered " + answer.status() + " " + answer.code());
            }
        }
        return open.size();
    }

    /** The admin verification's answer: equal (null: not asked) and how many returns it compared (-1: not asked). */
    private record ViewCheck(Boolean equal, long compared) {

        static final ViewCheck UNKNOWN = new ViewCheck(null, -1);
    }

    /** The admin verification: the status view rebuilt in a shadow and compared. */
    private ViewCheck verifyView(ApiClient api) throws InterruptedException {
        Duration patience = settings.quiescence().compareTo(Duration.ofSeconds(90)) < 0 ? settings.quiescence()
                : Duration.ofSeconds(90);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ApiClient.Answer answer = api.post("/api/v1/admin/views/return-status/verification",
                        ApiClient.OPERATIONS, Map.of(), null);
                if (answer.status() == 200) {
                    JsonNode body = answer.body();
                    say("status view verification: equal=" + body.path("equal").asBoolean() + ", compared "
                            + body.path("returnsCompared").asLong() + ", differences "
                            + body.path("differenceCount").asLong() + " " + body.path("differences"));
                    return new ViewCheck(body.path("equal").asBoolean(), body.path("returnsCompared").asLong(-1));
                }
                say("verification answered " + answer.status() + " " + answer.code() + "; asking again");
            } catch (ApiClient.DriverFailure noAnswer) {
                say("verification: " + noAnswer.getMessage());
                return ViewCheck.UNKNOWN;
            }
            Thread.sleep(2000);
        }
        return ViewCheck.UNKNOWN;
    }

    private ChaosReport report(ExternalPostgres postgres, SandboxProcess sandbox, ApiClient api, ReturnDriver driver,
                               ViewCheck view, List<String> paidWhileHeld, int holdsRetried)
            throws Exception {
        JsonNode calls = sandbox.calls();
        Books books = new Books(sandbox.books());
        Files.writeString(settings.workDir().resolve("books.json"), books.json().toPrettyString());
        try (Connection connection = postgres.connect()) {
            Invariants facts = Invariants.read(connection, books);
            StepTakeover.Result takeover = killedAt == null ? null : StepTakeover.measure(calls, killedNode,
                    killedAt, settings.effectiveStepTimeout().plusSeconds(30), facts.events());
            int lost = (int) driver.played().stream().filter(p -> p.returnId() == null).count();
            // 503 DATABASE_UNAVAILABLE is the expected answer from the outage's start until OUTAGE_GRACE after its end
            // (a request sent just before the restart, a pool reconnecting); at any other time it is a failure
            Map<String, Long> serverErrors = new TreeMap<>(api.serverErrors());
            long unavailable = 0;
            for (Instant at : api.unavailableAt()) {
                if (outageFrom != null && !at.isBefore(outageFrom) && outageUntil != null
                        && at.isBefore(outageUntil.plus(OUTAGE_GRACE))) {
                    unavailable++;
                } else {
                    serverErrors.merge("503 DATABASE_UNAVAILABLE outside the outage", 1L, Long::sum);
                }
            }
            if (takeover != null && takeover.inFlight() == 0) {
                notPlayed(killedNode + " had no step in flight at the kill: the take-over was not exercised");
            }
            if (settings.outage() && outageFrom != null && unavailable == 0) {
                notPlayed("no request met the outage (no 503 DATABASE_UNAVAILABLE)");
            }
            ChaosReport report = new ChaosReport(facts.returnIds().size(), facts.count("COMPLETED"),
                    facts.count("ON_HOLD"), facts.stuck(), lost, facts.doubleRefunds(), facts.doublePostings(),
                    facts.refundMismatch(), facts.postingMismatch(), facts.missing(), facts.gatewayTotal(),
                    facts.ledgerTotal(), view.equal(), serverErrors, unavailable, api.unreachable(),
                    api.requests(), takeover, paidWhileHeld, holdsRetried, settings.maxTakeover() == null ? null
                    : settings.maxTakeover().toMillis() / 1000.0, (System.nanoTime() - startedNanos) / 1e9,
                    settings.returns(), view.compared(), List.copyOf(faultsNotPlayed),
                    api.slow(), facts.completedWithoutRefund(), seed);
            say("calls to the sandbox systems: " + calls.size() + "; driver outcomes: " + outcomes(driver.played()));
            if (takeover != null) {
                say("steps " + killedNode + " had in flight at the kill: " + takeover.inFlight()
                        + ", the longest waited " + takeover.maxSeconds() + " s for another node"
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
