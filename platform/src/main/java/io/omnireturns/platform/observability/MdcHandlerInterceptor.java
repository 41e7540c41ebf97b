package io.omnireturns.platform.observability;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;

/**
 * Puts the handled message's correlation id, trace id and actor into the logging MDC while a handler runs, so a log
 * line written by a command handler, a projection or the saga names the request it belongs to. The MDC is restored
 * afterwards: event processor threads move on to other returns' events.
 */
public class MdcHandlerInterceptor<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    static final List<String> KEYS =
            List.of(CorrelationIds.CORRELATION_ID, CorrelationIds.TRACE_ID, CorrelationIds.ACTOR);

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        putAll(unitOfWork.getMessage().getMetaData());
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

    /** Copies the ids found in message metadata into the MDC; keys without a value are left out. */
    public static void putAll(Map<String, ?> metadata) {
        for (String key : KEYS) {
            Object value = metadata.get(key);
            if (value != null) {
                MDC.put(key, value.toString());
            }
        }
    }

    /** Runs {@code work} with the ids of {@code metadata} in the MDC, restoring the thread's MDC afterwards. */
    public static void runWith(MetaData metadata, Runnable work) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        putAll(metadata);
        try {
            work.run();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
