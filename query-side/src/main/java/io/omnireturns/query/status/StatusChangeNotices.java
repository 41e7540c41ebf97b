package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;

import java.util.List;

/**
 * Tells every node that status views changed: one {@code pg_notify} on channel {@value #CHANNEL} per written view,
 * with payload {@code <returnId>|<version>}, sent in the writer's transaction, so PostgreSQL delivers it to the
 * listening nodes only when (and if) the write commits. A batch's notices go in one statement. Views rebuilt by a
 * replay are not announced: a replay changes no return.
 * <p>
 * PostgreSQL serialises the commits of notifying transactions (a lock taken at commit), which is why this sends one
 * statement per batch, not per event. {@link io.omnireturns.query.status.live.StatusChangeListener} is the receiving end.
 */
public final class StatusChangeNotices {

    /** The notification channel; {@code status.live} listens on it. */
    public static final String CHANNEL = "return_status";

    private final JdbcOperations jdbc;

    StatusChangeNotices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code <returnId>|<version>}: small (a notification holds at most 8000 bytes), parsed by the listener. */
    static String payload(ReturnStatusView view) {
        return view.returnId() + "|" + view.version();
    }

    void announce(List<ReturnStatusView> views) {
        if (views.isEmpty()) {
            return;
        }
        String[] payloads = views.stream().map(StatusChangeNotices::payload).toArray(String[]::new);
        jdbc.query("SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) AS p", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("text", payloads)), rs -> null);
    }

    /** The per-event path: announced unless the event being handled is a replayed one. */
    void announceIfLive(ReturnStatusView view) {
        if (isLiveEvent()) {
            announce(List.of(view));
        }
    }

    /** Whether the event the current unit of work handles is a live one (not replayed); true outside any. */
    static boolean isLiveEvent() {
        return !CurrentUnitOfWork.isStarted() || !ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
