package io.omnireturns.platform.web;

import io.omnireturns.api.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the API document say what {@link ProblemDetailsAdvice} does: every error answer of every operation is an
 * RFC 7807 problem ({@code application/problem+json}) with a stable {@code code}. Each documented 4xx/5xx response
 * gets the {@code Problem} schema, and the codes its description names (e.g. "(code RETURN_NOT_FOUND)") are listed
 * in {@code x-error-codes} (the codes themselves are those of {@link ErrorCode}, the one catalogue); every operation also documents the 500 {@code INTERNAL_ERROR} answer, every
 * operation that takes a body the 400 answer to a malformed or invalid one, and every POST the 406 answer to an
 * {@code Accept} header that allows no JSON.
 */
public class ProblemDetailsOpenApiCustomizer implements OpenApiCustomizer {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String ERROR_CODES_EXTENSION = "x-error-codes";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values()
                .forEach(path -> path.readOperationsMap().forEach(ProblemDetailsOpenApiCustomizer::document));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null && !responses.containsKey("400")) {
            responses.addApiResponse("400", new ApiResponse().description("the body is not valid JSON for this "
                    + "operation, gives a field twice, names a field it does not take or breaks its constraints (code "
                    + "MALFORMED_REQUEST, DUPLICATE_FIELD, UNKNOWN_FIELD or VALIDATION_FAILED)"));
        }
        if (method == PathItem.HttpMethod.POST && !responses.containsKey("406")) {
            responses.addApiResponse("406", new ApiResponse().description("the Accept header allows no JSON answer "
                    + "(code NOT_ACCEPTABLE); refused before anything changes"));
        }
        if (!responses.containsKey("500")) {
            responses.addApiResponse("500", new ApiResponse()
                    .description("an unexpected failure, logged on the server (code INTERNAL_ERROR)"));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
                List<String> codes = codesIn(response.getDescription());
                if (!codes.isEmpty()) {
                    response.addExtension(ERROR_CODES_EXTENSION, codes);
                }
            }
        });
    }

    static List<String> codesIn(String description) {
        if (description == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        Matcher matcher = ERROR_CODE.matcher(description);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return new ArrayList<>(codes);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the invalid field or parameter"));
        fieldError.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem details. Clients branch on code, never on detail.");
        problem.addProperty("type", new StringSchema().description("/problems/<code in kebab case>"));
        problem.addProperty("title", new StringSchema().description("the code again, for generic problem readers"));
        problem.addProperty("status", new IntegerSchema().format("int32").description("the HTTP status"));
        problem.addProperty("detail", new StringSchema().description("for people; may change at any time"));
        problem.addProperty("instance", new StringSchema().description("the request path"));
        StringSchema code = new StringSchema();
        code.description("the stable error code, e.g. RETURN_NOT_FOUND: one of the catalogue (docs/error-codes.md, "
                + "generated from ErrorCode)");
        for (ErrorCode known : ErrorCode.values()) {
            code.addEnumItem(known.name());
        }
        problem.addProperty("code", code);
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("the invalid fields (code VALIDATION_FAILED only)"));
        problem.required(List.of("type", "title", "status", "code"));
        return problem;
    }
}
