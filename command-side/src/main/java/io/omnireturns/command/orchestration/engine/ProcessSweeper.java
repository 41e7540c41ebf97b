package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.orchestration.ProcessProperties;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.command.orchestration.process.ProcessTiming;
import io.omnireturns.command.orchestration.process.ReturnProcess;
import io.omnireturns.platform.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every node, every {@code omnireturns.process.sweep-interval}, takes the processes with something due (a step whose
 * lease ran out, a decision, parcel or settlement overdue), asks each {@link ReturnProcess#overdue what is overdue},
 * and sends that: the rows are locked with {@code skip locked}, so each due process is taken by one node. A row may
 * lag the return's events (it is written only when it holds something they cannot give back), so each is first
 * caught up with them ({@link ProcessCatchUp}): an answer that came in is never taken for a lease run out. It never
 * writes a process's state (the return's events do, through {@link ReturnProcessManager}); it only puts the process's
 * due time {@code recheck} ahead, so it does not fire again before those events answer.
 * <p>
 * What it sends is the system's doing in the conversation of the return ({@link SystemTrail}): the correlation data
 * stored with the process, actor {@code system}, and a trigger naming what fired.
 */
@Component
public class ProcessSweeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessSweeper.class);

    private final ProcessStore store;
    private final ProcessCatchUp catchUp;
    private final ProcessActions actions;
    private final TransactionTemplate transactions;
    private final ProcessProperties properties;
    private final ProcessTiming timing;
    private final Clock clock;
    private final ScheduledExecutorService ticker;

    public ProcessSweeper(ProcessStore store, ProcessCatchUp catchUp, ProcessActions actions,
                          TransactionTemplate transactions, ProcessProperties properties, Clock clock) {
        this.store = store;
        this.catchUp = catchUp;
        this.actions = actions;
        this.transactions = transactions;
        this.properties = properties;
        this.timing = properties.timing();
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("process-sweeper"));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long every = Math.max(10, properties.sweepInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("The process sweep failed; the next one tries again", failure);
        }
    }

    /** One sweep: what was due and sent, as process count. */
    public int sweep() {
        List<Runnable> afterCommit = new ArrayList<>();
        Integer swept = transactions.execute(status -> {
            List<ProcessStore.Due> due = store.lockDue(properties.sweepBatch());
            Instant now = clock.instant();
            List<String> acted = new ArrayList<>();
            for (ProcessStore.Due row : due) {
                ReturnProcess process = catchUp.upToDate(row.process());
                List<ProcessAction> overdue = process.overdue(now, timing);
                if (overdue.isEmpty()) {
                    // not due after all (the row's due time was older than the return's events): due again when
                    // the process says
                    store.dueAt(process.returnId(), process.nextDue(timing)
                            .map(at -> at.isAfter(now) ? at : now.plus(properties.recheck())).orElse(null));
                    continue;
                }
                acted.add(process.returnId());
                for (ProcessAction action : overdue) {
                    Map<String, ?> trail = SystemTrail.of(row.correlation(), action);
                    afterCommit.add(() -> actions.dispatch(List.of(action), trail));
                }
            }
            store.recheckLater(acted, properties.recheck());
            return due.size();
        });
        afterCommit.forEach(Runnable::run);
        return swept == null ? 0 : swept;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
