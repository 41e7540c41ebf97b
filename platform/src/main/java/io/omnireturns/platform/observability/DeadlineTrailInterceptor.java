package io.omnireturns.platform.observability;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the trail through a deadline. A deadline message carries the ids of the conversation that scheduled it
 * (Axon copies the scheduling unit of work's correlation data into it), but a deadline manager handles it in a unit
 * of work of its own without correlation data providers, so everything it caused used to start a new conversation
 * with no actor. This interceptor gives that unit of work the application's providers, then marks what follows as
 * the system's doing: actor {@value #SYSTEM_ACTOR}, source system {@value #SOURCE_SYSTEM}, and {@value #TRIGGER}
 * naming the deadline. Commands sent, events applied and step calls made from a deadline handler (a retried step
 * included) therefore carry the correlation id and trace of the request or webhook that started the work.
 * <p>
 * The return process no longer uses Axon deadlines: its sweeper sends with the same metadata, from these constants
 * ({@code orchestration.engine.SystemTrail}). This stays for any deadline handler a feature adds.
 */
public class DeadlineTrailInterceptor implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    /** The actor of work the service does by itself, on a timer. */
    public static final String SYSTEM_ACTOR = "system";
    /** The source system of work the service does by itself (beside {@code api} and the webhook senders). */
    public static final String SOURCE_SYSTEM = "omnireturns";
    /** Metadata key naming what set the system to work: {@code deadline:<deadline name>}. */
    public static final String TRIGGER = "trigger";

    private static final String ACTOR_KEY = CorrelationIds.ACTOR;
    private static final String SOURCE_SYSTEM_KEY = "sourceSystem";

    private final Supplier<List<CorrelationDataProvider>> providers;

    /** @param providers the application's correlation data providers (read when a deadline fires) */
    public DeadlineTrailInterceptor(Supplier<List<CorrelationDataProvider>> providers) {
        this.providers = providers;
    }

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        providers.get().forEach(unitOfWork::registerCorrelationDataProvider);
        // last, so it wins over the actor and source system the deadline message inherited
        unitOfWork.registerCorrelationDataProvider(DeadlineTrailInterceptor::systemAction);
        Map<String, String> before = MDC.getCopyOfContextMap();
        MdcHandlerInterceptor.putAll(unitOfWork.getCorrelationData());
        try {
            return interceptorChain.proceed();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    /** What a deadline's handler does is done by the system, whoever's request scheduled it. */
    static Map<String, ?> systemAction(Message<?> message) {
        if (!(message instanceof DeadlineMessage<?> deadline)) {
            return Map.of();
        }
        return Map.of(ACTOR_KEY, SYSTEM_ACTOR, SOURCE_SYSTEM_KEY, SOURCE_SYSTEM,
                TRIGGER, "deadline:" + deadline.getDeadlineName());
    }
}
