package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Tells every node that status views changed: one {@code pg_notify} on channel {@value #CHANNEL} per written view,
 * with payload {@code <returnId>|<version>}, sent in the writer's transaction, so PostgreSQL delivers it to the
 * listening nodes only when (and if) the write commits. A batch's notices go in one statement. Views rebuilt by a
 * replay are not announced: a replay changes no return.
 * <p>
 * PostgreSQL serialises the commits of notifying transactions (a lock taken at commit), which is why this sends one
 * statement per batch, not per event. {@link io.omnireturns.query.status.live.StatusChangeListener} is the receiving end.
 * <p>
 * A reset (the view emptied before a replay) is announced as {@value #RESET}: every node then forgets the views it
 * held. This node's own {@link StatusViewWrites} hear of every write, live or replayed, before the commit, and what
 * they answer runs after it.
 */
public final class StatusChangeNotices {

    /** The notification channel; {@code status.live} listens on it. */
    public static final String CHANNEL = "return_status";

    /** The payload that announces a reset: every view is gone. */
    public static final String RESET = "*";

    private final JdbcOperations jdbc;
    private final List<StatusViewWrites> local;

    StatusChangeNotices(JdbcOperations jdbc, List<StatusViewWrites> local) {
        this.jdbc = jdbc;
        this.local = List.copyOf(local);
    }

    /** {@code <returnId>|<version>}: small (a notification holds at most 8000 bytes), parsed by the listener. */
    static String payload(ReturnStatusView view) {
        return view.returnId() + "|" + view.version();
    }

    /**
     * Views written in the processor's own transaction (a batch): told to this node's readers, who may keep the live
     * ones once the transaction commits, and the live ones announced to every node.
     */
    void written(List<ReturnStatusView> views, java.util.function.Predicate<ReturnStatusView> live) {
        written(views, live, true);
    }

    private void written(List<ReturnStatusView> views, java.util.function.Predicate<ReturnStatusView> live,
                         boolean inOwnTransaction) {
        if (views.isEmpty()) {
            return;
        }
        java.util.Map<Boolean, List<ReturnStatusView>> byLive =
                views.stream().collect(java.util.stream.Collectors.partitioningBy(live));
        announce(byLive.get(true));
        List<StatusViewWrites.Completion> completions = new java.util.ArrayList<>(local.size() * 2);
        for (StatusViewWrites writes : local) {
            byLive.forEach((isLive, written) -> {
                if (!written.isEmpty()) {
                    completions.add(writes.written(written, isLive && inOwnTransaction));
                }
            });
        }
        whenCompleted(completions);
    }

    /**
     * Tells these how the caller's transaction ends: on Spring's transaction synchronisation, else on Axon's unit of
     * work; outside both the writes are committed already.
     */
    private static void whenCompleted(List<StatusViewWrites.Completion> completions) {
        List<StatusViewWrites.Completion> work = completions.stream()
                .filter(completion -> completion != StatusViewWrites.Completion.NOTHING).toList();
        if (work.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    work.forEach(completion -> completion.completed(status == STATUS_COMMITTED));
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> work.forEach(completion -> completion.completed(true)));
            CurrentUnitOfWork.get().onRollback(unitOfWork -> work.forEach(completion -> completion.completed(false)));
        } else {
            work.forEach(completion -> completion.completed(true));
        }
    }

    /** Every view deleted: this node's readers forget them now, every node's on the commit. */
    void cleared() {
        local.forEach(StatusViewWrites::cleared);
        jdbc.query("SELECT pg_notify('" + CHANNEL + "', '" + RESET + "')", rs -> null);
    }

    private void announce(List<ReturnStatusView> views) {
        if (views.isEmpty()) {
            return;
        }
        String[] payloads = views.stream().map(StatusChangeNotices::payload).toArray(String[]::new);
        jdbc.query("SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) AS p", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("text", payloads)), rs -> null);
    }

    /**
     * The per-event path: announced unless the event being handled is a replayed one. It writes in a savepoint of its
     * own, which may roll back while the transaction commits, so no reader keeps what it wrote.
     */
    void writtenNow(ReturnStatusView view) {
        boolean live = isLiveEvent();
        written(List.of(view), written -> live, false);
    }

    /** Whether the event the current unit of work handles is a live one (not replayed); true outside any. */
    static boolean isLiveEvent() {
        return !CurrentUnitOfWork.isStarted() || !ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
