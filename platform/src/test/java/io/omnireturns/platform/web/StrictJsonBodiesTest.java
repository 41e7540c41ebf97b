package io.omnireturns.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonBodiesTest {

    enum Reason { DEFECTIVE, SIZE_OR_FIT }

    record Line(String orderLineId, int quantity, Reason reason, boolean needsManualReview) {
    }

    private final ObjectMapper strict = StrictJsonBodies.strict(new ObjectMapper());

    @Test
    void a_body_written_in_the_right_json_types_reads_and_optional_fields_may_be_left_out() throws Exception {
        Line line = strict.readValue("{\"orderLineId\":\"L1\",\"quantity\":2,\"reason\":\"DEFECTIVE\"}", Line.class);

        assertThat(line).isEqualTo(new Line("L1", 2, Reason.DEFECTIVE, false));
    }

    @Test
    void a_fraction_a_quoted_number_a_number_for_text_an_ordinal_or_a_repeated_field_is_refused() {
        for (String body : List.of(
                "{\"orderLineId\":\"L1\",\"quantity\":1.5}",
                "{\"orderLineId\":\"L1\",\"quantity\":\"1\"}",
                "{\"orderLineId\":1001,\"quantity\":1}",
                "{\"orderLineId\":true,\"quantity\":1}",
                "{\"orderLineId\":\"L1\",\"quantity\":1,\"reason\":0}",
                "{\"orderLineId\":\"L1\",\"quantity\":1,\"needsManualReview\":1}",
                "{\"orderLineId\":\"L1\",\"orderLineId\":\"L2\",\"quantity\":1}",
                "{\"orderLineId\":\"L1\",\"quantity\":1} {}",
                "{\"orderLineId\":\"L1\",\"quantity\":1,\"status\":\"REFUNDED\"}")) {
            assertThatThrownBy(() -> strict.readValue(body, Line.class)).as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void only_the_web_converter_is_strict_the_mapper_it_was_copied_from_is_not_changed() throws Exception {
        ObjectMapper shared = new ObjectMapper();
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(new MappingJackson2HttpMessageConverter(shared)));

        new StrictJsonBodies().extendMessageConverters(converters);

        assertThat(((MappingJackson2HttpMessageConverter) converters.get(0)).getObjectMapper()).isNotSameAs(shared);
        assertThat(shared.readValue("{\"orderLineId\":1001,\"quantity\":\"1\"}", Line.class))
                .isEqualTo(new Line("1001", 1, null, false));
    }

    @Test
    void a_problem_detail_names_no_java_type_and_is_cut() {
        assertThat(ProblemDetailsAdvice.safe("Cannot deserialize value of type `io.omnireturns.api.returns.ReturnReason`"
                + " into ReturnCommandForms$StatusAnswer")).doesNotContain("io.omnireturns", "$");
        assertThat(ProblemDetailsAdvice.safe("x".repeat(60_000))).hasSizeLessThanOrEqualTo(501);
    }
}
