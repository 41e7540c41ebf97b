package io.omnireturns.command.orchestration.engine;

import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import io.omnireturns.platform.observability.CorrelationIds;
import io.omnireturns.platform.observability.DeadlineTrailInterceptor;

import java.util.HashMap;
import java.util.Map;

/**
 * What the process does by itself, on a timer (a step retried after its back-off, a lease run out, an overdue
 * decision, a parcel that never came, an unsettled refund), is the system's doing in the conversation of the return,
 * as {@link DeadlineTrailInterceptor} promised auditors when deadlines did this: the return's correlation and trace
 * ids, actor {@value DeadlineTrailInterceptor#SYSTEM_ACTOR}, source system
 * {@value DeadlineTrailInterceptor#SOURCE_SYSTEM}, and {@value DeadlineTrailInterceptor#TRIGGER} naming the deadline
 * that used to fire ({@code deadline:step-timeout}, ...), the words dashboards and auditors filter on.
 */
final class SystemTrail {

    private SystemTrail() {
    }

    static Map<String, ?> of(Map<String, ?> conversation, ProcessAction action) {
        Map<String, Object> trail = new HashMap<>(conversation == null ? Map.of() : conversation);
        trail.put(CorrelationIds.ACTOR, DeadlineTrailInterceptor.SYSTEM_ACTOR);
        trail.put(AxonInfrastructureConfiguration.SOURCE_SYSTEM, DeadlineTrailInterceptor.SOURCE_SYSTEM);
        trail.put(DeadlineTrailInterceptor.TRIGGER, trigger(action));
        return trail;
    }

    /**
     * A retry of a step (an attempt after a failed one of its round) is made by the system after its back-off, whatever
     * event asked for it. The first attempt of a round run again from the exception queue is the retrying person's.
     */
    static boolean isRetry(ProcessAction action) {
        return action instanceof ProcessAction.Call call && call.retry();
    }

    static String trigger(ProcessAction action) {
        String deadline = "process-sweep";
        if (action instanceof ProcessAction.DecideOverdue) {
            deadline = "decision-timeout";
        } else if (action instanceof ProcessAction.Call) {
            deadline = "step-retry";
        } else if (action instanceof ProcessAction.Send send) {
            Object command = send.command();
            if (command instanceof RecordStepFailure) {
                deadline = "step-timeout";
            } else if (command instanceof ExpireReturn) {
                deadline = "receipt-expiry";
            } else if (command instanceof RaiseException) {
                deadline = "settlement-sla";
            }
        }
        return "deadline:" + deadline;
    }
}
