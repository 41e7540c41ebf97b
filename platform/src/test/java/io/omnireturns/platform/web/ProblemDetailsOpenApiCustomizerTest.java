package io.omnireturns.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsOpenApiCustomizerTest {

    @Test
    void every_error_answer_is_a_problem_with_the_codes_its_description_names_and_500_is_documented() {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("the view"))
                .addApiResponse("404", new ApiResponse().description("no such return (code RETURN_NOT_FOUND)"))
                .addApiResponse("400", new ApiResponse()
                        .description("bad page (code VALIDATION_FAILED or INVALID_PARAMETER)"));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/v1/returns/{id}",
                new PathItem().get(new Operation().responses(responses))));

        new ProblemDetailsOpenApiCustomizer().customise(api);

        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
        assertThat(responses.get("200").getContent()).isNull();
        assertThat(responses.get("404").getContent()).containsKey("application/problem+json");
        assertThat(responses.get("404").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(responses.get("404").getExtensions())
                .containsEntry("x-error-codes", List.of("RETURN_NOT_FOUND"));
        assertThat(responses.get("400").getExtensions())
                .containsEntry("x-error-codes", List.of("VALIDATION_FAILED", "INVALID_PARAMETER"));
        assertThat(responses.get("500").getExtensions())
                .containsEntry("x-error-codes", List.of("INTERNAL_ERROR"));
    }

    @Test
    void an_operation_that_takes_a_body_documents_the_answer_to_a_malformed_one() {
        Operation post = new Operation().requestBody(new RequestBody()).responses(new ApiResponses()
                .addApiResponse("201", new ApiResponse().description("created")));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/v1/returns", new PathItem().post(post)));

        new ProblemDetailsOpenApiCustomizer().customise(api);

        assertThat(post.getResponses().get("400").getExtensions())
                .containsEntry("x-error-codes", List.of("MALFORMED_REQUEST", "DUPLICATE_FIELD", "UNKNOWN_FIELD",
                        "VALIDATION_FAILED"));
        assertThat(post.getResponses().get("400").getContent()).containsKey("application/problem+json");
        assertThat(post.getResponses().get("406").getExtensions()).containsEntry("x-error-codes", List.of("NOT_ACCEPTABLE"));
    }
}
