package io.omnireturns.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.api.audit.ViewVerification;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.status.ReturnStatusProjection;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.springframework.stereotype.Service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds the status view from the event store beside the live one, with the projection's own rules
 * ({@link ReturnStatusReplay}), and compares them return by return: the view document, the systems kept aside
 * and the searchable columns.
 * <p>
 * The events are read up to the head of the store as it was at the start, once the view has reached that head,
 * return by return through {@link ReturnHistories} (bounded statements, one batch of returns in memory).
 * A return whose live row moved on past that head meanwhile is left out and counted.
 */
@Service
public class ReturnStatusVerification {

    public static final String VIEW = ReturnStatusProjection.PROCESSING_GROUP;

    private static final ObjectMapper STORED_JSON = AxonInfrastructureConfiguration.storageObjectMapper();
    private static final TypeReference<List<SystemStateView>> SYSTEM_STATES = new TypeReference<>() {
    };
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);

    private final EventStoreReader events;
    private final ReturnHistories histories;
    private final StatusViewRows rows;
    private final ProcessorAdministration processors;
    private final AdminProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ReturnStatusVerification(EventStoreReader events, ReturnHistories histories, StatusViewRows rows,
                             ProcessorAdministration processors, AdminProperties properties, Clock clock) {
        this.events = events;
        this.histories = histories;
        this.rows = rows;
        this.processors = processors;
        this.properties = properties;
        this.clock = clock;
    }

    public ViewVerification verify() {
        if (!running.compareAndSet(false, true)) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.VERIFICATION_IN_PROGRESS,
                    "a verification of the " + VIEW + " view is running already");
        }
        try {
            return run();
        } finally {
            running.set(false);
        }
    }

    private ViewVerification run() {
        Instant verifiedAt = clock.instant();
        long started = System.nanoTime();
        long head = events.headGlobalIndex();
        awaitCaughtUp(head);

        Findings findings = new Findings(properties.verificationMaxDifferences());
        long[] eventsRead = {0};
        histories.walkReturns(-1, head, batch -> eventsRead[0] += verify(batch, head, findings));

        StatusViewRows.Orphans orphans = rows.withoutEvents(EventStoreReader.RETURN_AGGREGATE,
                properties.verificationMaxDifferences());
        orphans.first().forEach(returnId -> findings.list(new ViewDifference(returnId, "NOT_IN_EVENT_STORE",
                List.of(), "a row, but no event of such a return")));
        findings.count += orphans.count();

        List<ViewDifference> differences = findings.listed.stream()
                .sorted(Comparator.comparing(ViewDifference::returnId))
                .limit(properties.verificationMaxDifferences())
                .toList();
        return new ViewVerification(VIEW, findings.count == 0, head, findings.compared, eventsRead[0], findings.count,
                differences, findings.changedWhileVerifying, verifiedAt,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Rebuilds a batch of returns from their events up to the head and compares them with their live rows.
     *
     * @return how many events were read
     */
    private long verify(List<String> returnIds, long head, Findings findings) {
        ReturnHistories.Rebuilt rebuilt = histories.rebuild(returnIds, head);
        compare(rebuilt.returns(), findings);
        return rebuilt.eventsRead();
    }

    /** Waits until every segment of the view has handled the events up to the head, or refuses. */
    private void awaitCaughtUp(long head) {
        long deadline = System.nanoTime() + properties.verificationCatchUpWait().toNanos();
        while (true) {
            OptionalLong position = processors.lowestPosition(VIEW);
            if (position.isPresent() && position.getAsLong() >= head) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.VIEW_NOT_CAUGHT_UP,
                        "the " + VIEW + " view stands at event " + (position.isPresent() ? position.getAsLong()
                                : "none") + " of " + head + " (replaying or lagging); verify once it has caught up");
            }
            try {
                Thread.sleep(CATCH_UP_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the " + VIEW + " view", e);
            }
        }
    }

    private void compare(List<RebuiltReturn> batch, Findings findings) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, StatusViewRows.Row> live = rows.find(batch.stream().map(RebuiltReturn::returnId).toList())
                .stream().collect(Collectors.toMap(StatusViewRows.Row::returnId, Function.identity()));
        List<StatusViewRows.Row> ahead = new ArrayList<>();
        for (RebuiltReturn rebuilt : batch) {
            StatusViewRows.Row row = live.get(rebuilt.returnId());
            if (rebuilt.failure() != null) {
                findings.add(new ViewDifference(rebuilt.returnId(), "NOT_REBUILDABLE", List.of(), rebuilt.failure()));
                continue;
            }
            Optional<ReturnStatusView> expected = rebuilt.view();
            if (expected.isEmpty()) {
                if (row != null) {
                    findings.add(new ViewDifference(rebuilt.returnId(), "DIFFERENT", List.of(),
                            "a row, but the return's events never requested it"));
                }
                continue;
            }
            long version = expected.get().version();
            if (row == null) {
                findings.compared++;
                findings.add(new ViewDifference(rebuilt.returnId(), "MISSING_FROM_VIEW", List.of(),
                        "no row, but events up to #" + version));
            } else if (row.lastSequence() > version) {
                ahead.add(row);
            } else if (row.lastSequence() < version) {
                findings.compared++;
                findings.add(new ViewDifference(rebuilt.returnId(), "BEHIND", List.of("version"),
                        "the row stands at event #" + row.lastSequence() + ", the events go up to #" + version
                                + " (dead-lettered?)"));
            } else {
                findings.compared++;
                List<String> fields = differences(expected.get(), rebuilt.underlyingSystems(), row);
                if (!fields.isEmpty()) {
                    findings.add(new ViewDifference(rebuilt.returnId(), "DIFFERENT", fields,
                            "the row differs from what its events say in " + String.join(", ", fields)));
                }
            }
        }
        checkAhead(ahead, findings);
    }

    /** A row ahead of the events read moved on during the run, unless the return has no such event at all. */
    private void checkAhead(List<StatusViewRows.Row> ahead, Findings findings) {
        if (ahead.isEmpty()) {
            return;
        }
        Map<String, Long> lastSequences = events.lastSequenceNumbers(
                        ahead.stream().map(StatusViewRows.Row::returnId).toList()).stream()
                .collect(Collectors.toMap(EventStoreReader.ReturnSequence::returnId,
                        EventStoreReader.ReturnSequence::lastSequenceNumber));
        for (StatusViewRows.Row row : ahead) {
            long last = lastSequences.getOrDefault(row.returnId(), -1L);
            if (last >= row.lastSequence()) {
                findings.changedWhileVerifying++;
            } else {
                findings.compared++;
                findings.add(new ViewDifference(row.returnId(), "DIFFERENT", List.of("version"),
                        "the row claims event #" + row.lastSequence() + ", the return's last event is #" + last));
            }
        }
    }

    private static List<String> differences(ReturnStatusView expected, List<SystemStateView> expectedUnderlying,
                                            StatusViewRows.Row row) {
        List<String> fields = new ArrayList<>();
        try {
            ReturnStatusView stored = STORED_JSON.readValue(row.document(), ReturnStatusView.class);
            for (RecordComponent component : ReturnStatusView.class.getRecordComponents()) {
                if (!Objects.equals(value(component, expected), value(component, stored))) {
                    fields.add(component.getName());
                }
            }
        } catch (JsonProcessingException e) {
            fields.add("document");
        }
        try {
            List<SystemStateView> storedUnderlying = row.underlyingSystems() == null ? List.of()
                    : STORED_JSON.readValue(row.underlyingSystems(), SYSTEM_STATES);
            if (!storedUnderlying.equals(expectedUnderlying)) {
                fields.add("underlyingSystems");
            }
        } catch (JsonProcessingException e) {
            fields.add("underlyingSystems");
        }
        column(fields, "order_id", expected.orderId(), row.orderId());
        column(fields, "customer_id", expected.customerId(), row.customerId());
        column(fields, "status", expected.status().name(), row.status());
        column(fields, "hold_reason", expected.hold() == null ? null : expected.hold().reason().name(),
                row.holdReason());
        column(fields, "channel", expected.channel().name(), row.channel());
        column(fields, "store_id", expected.storeId(), row.storeId());
        column(fields, "created_at", expected.createdAt(), row.createdAt());
        column(fields, "updated_at", expected.updatedAt(), row.updatedAt());
        return fields;
    }

    private static void column(List<String> fields, String column, Object expected, Object stored) {
        if (!Objects.equals(expected, stored)) {
            fields.add("column:" + column);
        }
    }

    private static Object value(RecordComponent component, ReturnStatusView view) {
        try {
            return component.getAccessor().invoke(view);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a status view", e);
        }
    }

    private static final class Findings {

        private final int maxListed;
        private final List<ViewDifference> listed = new ArrayList<>();
        private long count;
        private long compared;
        private long changedWhileVerifying;

        Findings(int maxListed) {
            this.maxListed = maxListed;
        }

        void add(ViewDifference difference) {
            count++;
            list(difference);
        }

        void list(ViewDifference difference) {
            if (listed.size() < maxListed) {
                listed.add(difference);
            }
        }
    }
}
