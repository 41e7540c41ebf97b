package io.omnireturns.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import java.util.Map;
import java.util.TreeSet;

/**
 * Makes the API document say what the security filter does: both ways to sign in, the roles each operation admits
 * ({@code x-roles}, from {@link AccessRules}) and its 401 and 403 answers. Webhooks say they are HMAC-signed instead.
 * Runs before the problem-details customizer, which gives these answers the Problem schema.
 */
public class SecurityOpenApiCustomizer implements OpenApiCustomizer, org.springframework.core.Ordered {

    public static final String ROLES_EXTENSION = "x-roles";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("embedded default (omnireturns.security.mode=demo): the demo users of docs/security.md"))
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("production (omnireturns.security.mode=jwt): a JWT from the configured issuer"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private static void document(String path, HttpMethod method, Operation operation) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        if (method == HttpMethod.POST && PATHS.match(AccessRules.WEBHOOKS, concrete)) {
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            if (rule.method() == method && PATHS.match(rule.pattern(), concrete)) {
                rule.roles().forEach(role -> roles.add(role.name()));
                break;
            }
        }
        operation.addExtension(ROLES_EXTENSION, roles);
        operation.addSecurityItem(new SecurityRequirement().addList("basic"));
        operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", new ApiResponse().description("no or invalid credentials (code UNAUTHENTICATED)"));
        responses.putIfAbsent("403", new ApiResponse().description("the caller's role may not call this "
                + "(code ACCESS_DENIED; roles: " + String.join(", ", roles) + ")"));
        responses.putIfAbsent("413", new ApiResponse().description("the body is too large (code PAYLOAD_TOO_LARGE)"));
    }
}
