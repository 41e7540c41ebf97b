package io.omnireturns.query.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.platform.database.EventSavepoints;
import io.omnireturns.query.kpi.KpiRepository.FirstInstant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of events records in the KPI base, kept in memory and written when the batch commits (in the
 * processor's transaction, beside its token): each changed return's row once (its milestones included), every kind of
 * row in one JDBC batch. Under load a batch holds several events of a return, each of which used to be an update
 * (or two) in a savepoint of its own.
 * <p>
 * Nothing is read first: every KPI write is idempotent without a sequence check, so the batch merges what its events
 * say by the same rules the statements apply (the first instant is kept, the last inventory adjustment and the last
 * amounts win) and the statements merge that with the stored row.
 */
final class KpiBatch implements KpiWrites {

    /** Where the batch sits among the resources of its unit of work. */
    static final String RESOURCE = KpiBatch.class.getName();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KpiRepository repository;
    private final EventSavepoints.BatchedWrites batching;
    private final Map<String, MapSqlParameterSource> requested = new LinkedHashMap<>();
    private final Map<String, ReturnChange> returns = new LinkedHashMap<>();
    private final Map<String, MapSqlParameterSource> interventions = new LinkedHashMap<>();

    private KpiBatch(KpiRepository repository, EventSavepoints.BatchedWrites batching) {
        this.repository = repository;
        this.batching = batching;
    }

    /** The batch of the current unit of work, created (and set to write when it commits) on first use. */
    static KpiBatch current(KpiRepository repository, EventSavepoints.BatchedWrites batching) {
        return batching.batchOfCurrentUnitOfWork(RESOURCE, () -> new KpiBatch(repository, batching), KpiBatch::write);
    }

    @Override
    public void requested(String returnId, SalesChannel channel, Instant at) {
        requested.putIfAbsent(returnId, new MapSqlParameterSource("returnId", returnId)
                .addValue("channel", channel.name()).addValue("at", utc(at)));
    }

    @Override
    public void first(FirstInstant instant, String returnId, Instant at) {
        returnChange(returnId).firsts.putIfAbsent(instant, at);
    }

    @Override
    public void inventoryAdjusted(String returnId, Instant at) {
        ReturnChange change = returnChange(returnId);
        if (change.inventoryAdjustedAt == null || at.isAfter(change.inventoryAdjustedAt)) {
            change.inventoryAdjustedAt = at;
        }
    }

    @Override
    public void refundApproved(String returnId, Money total) {
        returnChange(returnId).approvedRefund = total;
    }

    @Override
    public void creditMemoPosted(String returnId, Money amount, Instant at) {
        ReturnChange change = returnChange(returnId);
        change.creditMemo = amount;
        if (change.creditMemoPostedAt == null) {
            change.creditMemoPostedAt = at;
        }
    }

    @Override
    public void milestoneReached(String returnId, String milestone, Instant at) {
        returnChange(returnId).reached.putIfAbsent(milestone, at);
    }

    @Override
    public void customerNotified(String returnId, String milestone, Instant at) {
        returnChange(returnId).notified.putIfAbsent(milestone, at);
    }

    @Override
    public void exceptionRetried(String returnId, long sequence, Instant at) {
        intervention(returnId, sequence, KpiRepository.EXCEPTION_RETRY, at);
    }

    @Override
    public void holdResolved(String returnId, long sequence, Instant at) {
        if (!retried(returnId, sequence - 1)) {
            intervention(returnId, sequence, KpiRepository.HOLD_RESOLUTION, at);
        }
    }

    private boolean retried(String returnId, long sequence) {
        MapSqlParameterSource inBatch = interventions.get(returnId + '\u0000' + sequence);
        if (inBatch != null) {
            return KpiRepository.EXCEPTION_RETRY.equals(inBatch.getValue("kind"));
        }
        try {
            return repository.retried(returnId, sequence);
        } catch (RuntimeException e) {
            batching.failed();
            throw e;
        }
    }

    private void intervention(String returnId, long sequence, String kind, Instant at) {
        interventions.putIfAbsent(returnId + '\u0000' + sequence, new MapSqlParameterSource("returnId", returnId)
                .addValue("sequence", sequence).addValue("kind", kind).addValue("at", utc(at)));
    }

    private ReturnChange returnChange(String returnId) {
        return returns.computeIfAbsent(returnId, ReturnChange::new);
    }

    private void write() {
        try {
            List<SqlParameterSource> inserts = new ArrayList<>();
            for (Map.Entry<String, MapSqlParameterSource> request : requested.entrySet()) {
                ReturnChange change = returns.getOrDefault(request.getKey(), new ReturnChange(request.getKey()));
                inserts.add(change.parameters().addValues(request.getValue().getValues()));
            }
            List<SqlParameterSource> updates = returns.values().stream()
                    .filter(change -> !requested.containsKey(change.returnId))
                    .map(change -> (SqlParameterSource) change.parameters()).toList();
            repository.write(new Rows(inserts, updates, List.copyOf(interventions.values())));
        } catch (RuntimeException e) {
            batching.failed();
            throw e;
        }
    }

    /**
     * The rows a batch writes, as statement parameters: the returns requested in the batch (with all it says of
     * them), the other returns it changed, the interventions.
     */
    record Rows(List<SqlParameterSource> requested, List<SqlParameterSource> returns,
                List<SqlParameterSource> interventions) {
    }

    /** What a batch's events say of a return's row; null where they say nothing. */
    private static final class ReturnChange {

        private final String returnId;
        private final Map<FirstInstant, Instant> firsts = new EnumMap<>(FirstInstant.class);
        private Instant inventoryAdjustedAt;
        private Money approvedRefund;
        private Money creditMemo;
        private Instant creditMemoPostedAt;
        private final Map<String, Instant> reached = new LinkedHashMap<>();
        private final Map<String, Instant> notified = new LinkedHashMap<>();

        ReturnChange(String returnId) {
            this.returnId = returnId;
        }

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource("returnId", returnId)
                    .addValue("reached", json(reached))
                    .addValue("notified", json(notified))
                    .addValue("lastNotifiedAt", utc(notified.values().stream().max(Instant::compareTo).orElse(null)),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("receivedAt", utc(firsts.get(FirstInstant.RECEIVED)), Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("inspectionCompletedAt", utc(firsts.get(FirstInstant.INSPECTION_COMPLETED)),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("refundIssuedAt", utc(firsts.get(FirstInstant.REFUND_ISSUED)),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("exceptionRaisedAt", utc(firsts.get(FirstInstant.EXCEPTION_RAISED)),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("inventoryAdjustedAt", utc(inventoryAdjustedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("approvedMinor", approvedRefund == null ? null : approvedRefund.minor(), Types.BIGINT)
                    .addValue("approvedCurrency", approvedRefund == null ? null : approvedRefund.currency(),
                            Types.VARCHAR)
                    .addValue("creditMemoMinor", creditMemo == null ? null : creditMemo.minor(), Types.BIGINT)
                    .addValue("creditMemoCurrency", creditMemo == null ? null : creditMemo.currency(), Types.VARCHAR)
                    .addValue("creditMemoPostedAt", utc(creditMemoPostedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** Milestone name to instant as a JSON object, instants as {@link KpiRepository#instant} writes them. */
    private static String json(Map<String, Instant> instants) {
        Map<String, String> strings = new LinkedHashMap<>();
        instants.forEach((name, at) -> strings.put(name, KpiRepository.instant(at)));
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write milestones", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
