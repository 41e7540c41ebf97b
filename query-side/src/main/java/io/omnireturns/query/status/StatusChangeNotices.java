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
     * Views written: told to this node's readers (and kept by them once the transaction commits), and the live ones
     * announced to every node.
     */
    void written(List<ReturnStatusView> views, java.util.function.Predicate<ReturnStatusView> live) {
        if (views.isEmpty()) {
            return;
        }
        java.util.Map<Boolean, List<ReturnStatusView>> byLive =
                views.stream().collect(java.util.stream.Collectors.partitioningBy(live));
        List<Runnable> afterCommit = new java.util.ArrayList<>(local.size() * 2);
        for (StatusViewWrites writes : local) {
            byLive.forEach((isLive, written) -> {
                if (!written.isEmpty()) {
                    afterCommit.add(writes.written(written, isLive));
                }
            });
        }
        afterCommit(afterCommit);
        announce(byLive.get(true));
    }

    /**
     * Runs these once the caller's transaction has committed, and never if it rolls back: on Spring's transaction
     * synchronisation, else on Axon's unit of work; outside both the writes are committed already.
     */
    private static void afterCommit(List<Runnable> tasks) {
        List<Runnable> work = tasks.stream().filter(task -> task != StatusViewWrites.NOTHING).toList();
        if (work.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.forEach(Runnable::run);
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> work.forEach(Runnable::run));
        } else {
            work.forEach(Runnable::run);
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

    /** The per-event path: announced unless the event being handled is a replayed one. */
    void writtenNow(ReturnStatusView view) {
        boolean live = isLiveEvent();
        written(List.of(view), written -> live);
    }

    /** Whether the event the current unit of work handles is a live one (not replayed); true outside any. */
    static boolean isLiveEvent() {
        return !CurrentUnitOfWork.isStarted() || !ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
