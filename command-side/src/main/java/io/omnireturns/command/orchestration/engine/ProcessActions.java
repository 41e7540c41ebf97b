package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.orchestration.OverdueDecision;
import io.omnireturns.command.orchestration.StepExecutor;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.platform.observability.MdcHandlerInterceptor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Carries out what a process asked for, once the decision is stored, never on the caller's thread: a step call goes
 * to the {@link StepExecutor} (after its back-off), a command to {@link LocalCommands}, an overdue decision to
 * {@link OverdueDecision} on a pool thread. Each carries the correlation data of what caused it (the event the
 * process handled, or the sweeper's system trail), so the request's correlation and trace ids follow the work.
 */
@Component
public class ProcessActions {

    private static final Logger log = LoggerFactory.getLogger(ProcessActions.class);

    private final StepExecutor steps;
    private final LocalCommands commands;
    private final OverdueDecision overdueDecision;
    private final TransactionManager transactions;

    public ProcessActions(StepExecutor steps, LocalCommands commands, OverdueDecision overdueDecision,
                          TransactionManager transactions) {
        this.steps = steps;
        this.commands = commands;
        this.overdueDecision = overdueDecision;
        this.transactions = transactions;
    }

    public void dispatch(List<ProcessAction> actions, Map<String, ?> origin) {
        MetaData metaData = origin == null ? MetaData.emptyInstance() : MetaData.from(origin);
        for (ProcessAction action : actions) {
            dispatch(action, metaData);
        }
    }

    private void dispatch(ProcessAction action, MetaData origin) {
        if (action instanceof ProcessAction.Call call) {
            steps.execute(call.call(), call.delay(), origin);
        } else if (action instanceof ProcessAction.Send send) {
            commands.send(GenericCommandMessage.asCommandMessage(send.command()).andMetaData(origin))
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            log.info("{} for step {} was not taken: {}", send.command().getClass().getSimpleName(),
                                    send.key(), failure.getMessage());
                        }
                    });
        } else if (action instanceof ProcessAction.DecideOverdue decide) {
            commands.execute(() -> decideOverdue(decide.returnId(), origin));
        }
    }

    /**
     * In a unit of work and transaction of its own whose correlation data is the origin's, so every command it sends
     * (and every event those apply) carries them, as the decision time-out's deadline handler did.
     */
    private void decideOverdue(String returnId, MetaData origin) {
        MdcHandlerInterceptor.runWith(origin, () -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(returnId, origin));
            unitOfWork.attachTransaction(transactions);
            unitOfWork.registerCorrelationDataProvider(message -> origin);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> overdueDecision.decide(returnId));
            if (result.isExceptional()) {
                // nothing recorded: the process is still due, the sweeper asks again after its recheck
                log.warn("The overdue decision of return {} failed; it will be asked again", returnId,
                        result.exceptionResult());
            }
        });
    }
}
