package io.omnireturns.platform.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTest {

    static class Commands {
        public void cancel(@Pattern(regexp = "[A-Za-z0-9-]{1,64}") String returnId) {
        }
    }

    @Test
    void a_violated_parameter_constraint_is_named_by_the_parameter_not_by_the_java_method() throws Exception {
        ConstraintViolationException violation;
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Method cancel = Commands.class.getMethod("cancel", String.class);
            violation = new ConstraintViolationException(validation.getValidator().forExecutables()
                    .validateParameters(new Commands(), cancel, new Object[]{"bad_id"}));
        }
        assertThat(violation.getMessage()).as("what the exception says").startsWith("cancel.");

        ProblemDetail problem = new ProblemDetailsAdvice().constraintViolation(violation).getBody();

        assertThat(problem.getDetail()).startsWith("returnId: must match").doesNotContain("cancel");
        assertThat(problem.getProperties()).containsKey("errors");
        assertThat(problem.getProperties().get("errors").toString()).contains("field=returnId");
    }
}
