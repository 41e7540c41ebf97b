package io.omnireturns.platform.observability;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MdcHandlerInterceptorTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void a_handler_logs_with_the_ids_of_its_message_and_the_thread_gets_its_own_back_afterwards() throws Exception {
        MDC.put("correlationId", "the-thread-had-this");
        EventMessage<?> event = GenericEventMessage.asEventMessage("parcel scanned")
                .andMetaData(MetaData.with("correlationId", "corr-9").and("traceId", "trace-9").and("actor", "carrier"));
        Map<String, String> duringHandling = new HashMap<>();

        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.executeWithResult(() -> new MdcHandlerInterceptor<EventMessage<?>>().handle(unitOfWork, () -> {
            duringHandling.putAll(MDC.getCopyOfContextMap());
            return null;
        }));

        assertThat(duringHandling).containsEntry("correlationId", "corr-9").containsEntry("traceId", "trace-9")
                .containsEntry("actor", "carrier");
        assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("correlationId", "the-thread-had-this"));
    }
}
