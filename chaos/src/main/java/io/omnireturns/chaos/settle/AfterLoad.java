package io.omnireturns.chaos.settle;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.chaos.check.Books;
import io.omnireturns.chaos.check.Invariants;
import io.omnireturns.chaos.cluster.ExternalPostgres;
import io.omnireturns.chaos.cluster.SandboxProcess;
import io.omnireturns.chaos.load.ApiClient;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What happens once the load and the faults are over and before the invariants are checked: the returns are given
 * time to settle, held ones are retried as operations would, and the status view is verified.
 */
public final class AfterLoad {

    /** Rounds of retries at most: a retry can hold a return again, but not forever. */
    private static final int RETRY_ROUNDS = 3;

    private final ExternalPostgres postgres;
    private final SandboxProcess sandbox;
    private final ApiClient api;
    private final Duration quiescence;
    private final Consumer<String> progress;

    public AfterLoad(ExternalPostgres postgres, SandboxProcess sandbox, ApiClient api, Duration quiescence,
                     Consumer<String> progress) {
        this.postgres = postgres;
        this.sandbox = sandbox;
        this.api = api;
        this.quiescence = quiescence;
        this.progress = progress;
    }

    /** Until every return is COMPLETED or ON_HOLD with a reason and the ledger's refunds equal the gateway's. */
    public void awaitQuiescence() throws Exception {
        long deadline = System.nanoTime() + quiescence.toNanos();
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = postgres.connect()) {
                Invariants now = Invariants.read(connection, new Books(sandbox.books()));
                if (now.stuck().isEmpty() && now.eventRefundTotal().equals(now.ledgerTotal())) {
                    progress.accept("settled: " + now.returnIds().size() + " returns");
                    return;
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept("not settled yet: " + now.stuck() + ", gateway " + now.gatewayTotal()
                            + ", ledger " + now.ledgerTotal());
                }
            } catch (SQLException | IOException notNow) {
                progress.accept("cannot read the state yet: " + notNow.getMessage());
            }
            Thread.sleep(2000);
        }
        progress.accept("not settled after " + quiescence + ": checking as it stands");
    }

    public List<String> paidWhileHeld() throws Exception {
        try (Connection connection = postgres.connect()) {
            List<String> held = Invariants.read(connection, new Books(sandbox.books())).paidWhileHeld();
            if (!held.isEmpty()) {
                progress.accept(held.size() + " returns ON_HOLD although the gateway paid them (answer lost, then "
                        + "the step gave up): " + held.subList(0, Math.min(5, held.size())));
            }
            return held;
        }
    }

    /**
     * Operations' part once the faults are gone: every open exception retried (the same idempotency keys) and the
     * returns let settle again, until none is open; how many retries that took.
     */
    public int retryHolds() throws Exception {
        int retried = 0;
        for (int round = 1; round <= RETRY_ROUNDS; round++) {
            int now = retryOpenExceptions();
            if (now == 0) {
                break;
            }
            retried += now;
            progress.accept("retried " + now + " open exceptions as operations would "
                    + "(POST /api/v1/exceptions/{id}/retry)");
            awaitQuiescence();
        }
        return retried;
    }

    private int retryOpenExceptions() throws Exception {
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
                progress.accept("retry of " + exceptionId + " answered " + answer.status() + " " + answer.code());
            }
        }
        return open.size();
    }

    /** The admin verification: the status view rebuilt in a shadow and compared. */
    public ViewCheck verifyView() throws InterruptedException {
        Duration patience = quiescence.compareTo(Duration.ofSeconds(90)) < 0 ? quiescence : Duration.ofSeconds(90);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ApiClient.Answer answer = api.post("/api/v1/admin/views/return-status/verification",
                        ApiClient.OPERATIONS, Map.of(), null);
                if (answer.status() == 200) {
                    JsonNode body = answer.body();
                    progress.accept("status view verification: equal=" + body.path("equal").asBoolean()
                            + ", compared " + body.path("returnsCompared").asLong() + ", differences "
                            + body.path("differenceCount").asLong() + " " + body.path("differences"));
                    return new ViewCheck(body.path("equal").asBoolean(), body.path("returnsCompared").asLong(-1));
                }
                progress.accept("verification answered " + answer.status() + " " + answer.code() + "; asking again");
            } catch (ApiClient.DriverFailure noAnswer) {
                progress.accept("verification: " + noAnswer.getMessage());
                return ViewCheck.UNKNOWN;
            }
            Thread.sleep(2000);
        }
        return ViewCheck.UNKNOWN;
    }
}
