package io.omnireturns.platform.web;

import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import io.omnireturns.platform.observability.CorrelationFilter;
import io.omnireturns.platform.observability.CorrelationIds;
import io.omnireturns.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent while serving an HTTP request with who acted, through which system, and the request's
 * correlation and trace ids (see {@link CorrelationFilter}), so the events it causes carry them to the auditors
 * (see the correlation data providers).
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String SOURCE_SYSTEM_HEADER = "X-Source-System";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            HttpServletRequest request = attributes.getRequest();
            Map<String, Object> metadata = new HashMap<>();
            if (!command.getMetaData().containsKey(AxonInfrastructureConfiguration.ACTOR)) {
                metadata.put(AxonInfrastructureConfiguration.ACTOR, actorOf(request));
            }
            if (!command.getMetaData().containsKey(AxonInfrastructureConfiguration.SOURCE_SYSTEM)) {
                metadata.put(AxonInfrastructureConfiguration.SOURCE_SYSTEM, headerOr(request, SOURCE_SYSTEM_HEADER, "api"));
            }
            // who may be acted on travels with the command, so the return itself refuses what is outside the scope
            Caller.current().ifPresent(caller -> caller.scope().toMetadata().forEach((key, value) -> {
                if (!command.getMetaData().containsKey(key)) {
                    metadata.put(key, value);
                }
            }));
            copyAttribute(request, CorrelationFilter.CORRELATION_ID_ATTRIBUTE, CorrelationIds.CORRELATION_ID, command,
                    metadata);
            copyAttribute(request, CorrelationFilter.TRACE_ID_ATTRIBUTE, CorrelationIds.TRACE_ID, command,
                    metadata);
            return metadata.isEmpty() ? command : command.andMetaData(metadata);
        };
    }

    /**
     * Who acts in this request: the signed-in caller, never what a client claims. A system calling for a person
     * (a till for its cashier) may name that person in {@code X-Actor}: "pos on behalf of cashier-17".
     */
    public static String actorOf(HttpServletRequest request) {
        String caller = Caller.current().map(Caller::name).orElse("anonymous");
        String onBehalfOf = headerOr(request, ACTOR_HEADER, null);
        return onBehalfOf == null || onBehalfOf.equals(caller) ? caller : caller + " on behalf of " + onBehalfOf;
    }

    private static void copyAttribute(HttpServletRequest request, String attribute, String key,
                                      CommandMessage<?> command, Map<String, Object> metadata) {
        if (!command.getMetaData().containsKey(key) && request.getAttribute(attribute) instanceof String value) {
            metadata.put(key, value);
        }
    }

    private static String headerOr(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        // metadata is stored for ever: keep it bounded and printable
        String trimmed = value.strip();
        return trimmed.length() > 120 ? trimmed.substring(0, 120) : trimmed;
    }
}
