package io.omnireturns.api.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed docs/error-codes.md is the catalogue's; {@code -Derror-codes.write=true} rewrites it instead. */
class ErrorCatalogueTest {

    @Test
    void the_committed_error_code_catalogue_matches_the_code() throws IOException {
        if (Boolean.getBoolean("error-codes.write")) {
            ErrorCatalogue.write();
        }

        assertThat(Files.readString(ErrorCatalogue.committedFile(), StandardCharsets.UTF_8))
                .as("docs/error-codes.md is out of date; regenerate it with: " + ErrorCatalogue.REGENERATE)
                .isEqualTo(ErrorCatalogue.render());
    }

    @Test
    void every_code_has_an_error_status_and_a_meaning() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.httpStatus()).as(code.name()).isBetween(400, 599);
            assertThat(code.meaning()).as(code.name()).isNotBlank();
        }
    }

    @Test
    void every_failure_code_has_a_meaning_and_no_two_families_share_a_prefix() {
        for (FailureCode code : FailureCode.values()) {
            assertThat(code.meaning()).as(code.name()).isNotBlank();
            for (FailureCode other : FailureCode.values()) {
                if (other != code) {
                    assertThat(other.code(422)).as("a suffixed %s reads as %s", other, code).isNotEqualTo(code.code());
                }
            }
        }
        assertThat(FailureCode.REJECTED.code(422)).isEqualTo("REJECTED_422");
        assertThat(FailureCode.OUTCOME_REFUSED.code("REFUND_EXCEEDS_APPROVAL"))
                .isEqualTo("OUTCOME_REFUSED_REFUND_EXCEEDS_APPROVAL");
    }
}
