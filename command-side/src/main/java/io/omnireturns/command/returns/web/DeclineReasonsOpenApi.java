package io.omnireturns.command.returns.web;

import io.omnireturns.api.returns.DeclineReason;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The decline reason codes in the API document say what each means, from {@link DeclineReason} itself. */
@Component
public class DeclineReasonsOpenApi implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> request = openApi.getComponents().getSchemas().get("DeclineRequest");
        if (request == null || request.getProperties() == null || request.getProperties().get("reasonCode") == null) {
            return;
        }
        request.getProperties().get("reasonCode").setDescription("why the return is declined: "
                + Arrays.stream(DeclineReason.values())
                .map(reason -> reason.name() + " (" + reason.meaning() + ")")
                .collect(Collectors.joining("; "))
                + ". OTHER needs a note.");
    }
}
