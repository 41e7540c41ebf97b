package io.omnireturns.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared layering rules pass on code that follows them and catch each way of breaking them. */
class FeatureArchitectureTest {

    private static final String GOOD = "io.omnireturns.archfixture.good";
    private static final String BAD = "io.omnireturns.archfixture.bad";

    private final JavaClasses good = new ClassFileImporter().importPackages(GOOD);
    private final JavaClasses bad = new ClassFileImporter().importPackages(BAD);

    @Test
    void a_side_that_follows_the_rules_passes_every_one_of_them() {
        FeatureArchitecture rules = FeatureArchitecture.of(GOOD);
        for (ArchRule rule : List.of(rules.featuresDependOnEachOtherWithoutCycles(), rules.webAdaptersAreLeaves(),
                rules.layersPointInwards(), FeatureArchitecture.plainJavaStaysPlain())) {
            assertThat(rule.evaluate(good).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void two_features_that_need_each_other_are_a_cycle() {
        assertThat(details(FeatureArchitecture.of(BAD).featuresDependOnEachOtherWithoutCycles()))
                .anyMatch(line -> line.contains("feature 'alpha' -> ") && line.contains("feature 'beta' -> "));
    }

    @Test
    void code_outside_a_features_web_package_may_not_use_it() {
        List<String> violations = details(FeatureArchitecture.of(BAD).webAdaptersAreLeaves());
        assertThat(violations).anyMatch(line -> line.contains("BetaDomain.endpoint()") && line.contains("AlphaEndpoint"));
        assertThat(violations).as("also the web package of a feature whose name starts with 'web'")
                .anyMatch(line -> line.contains("BetaTimer.webhooks()") && line.contains("WebhookEndpoint"));
    }

    @Test
    void a_features_domain_may_not_call_its_own_application_services() {
        assertThat(details(FeatureArchitecture.of(BAD).layersPointInwards()))
                .allMatch(line -> line.contains("AlphaDomain") && line.contains("AlphaService"))
                .isNotEmpty();
    }

    @Test
    void plain_java_that_reads_the_clock_uses_sql_or_calls_an_adapter_is_caught() {
        List<String> violations = details(FeatureArchitecture.plainJavaStaysPlain());
        assertThat(violations).anyMatch(line -> line.contains("Instant.now()") && line.contains("reads the clock"));
        assertThat(violations).anyMatch(line -> line.contains("java.sql.Timestamp"));
        assertThat(violations).anyMatch(line -> line.contains("AlphaService"));
        assertThat(violations).anyMatch(line -> line.contains("System.currentTimeMillis()")
                && line.contains("reads the clock"));
        assertThat(violations).anyMatch(line -> line.contains("Instant.now()") && line.contains("BetaTimer.clock()")
                && line.contains("reads the clock"));
        assertThat(violations).as("an engine's record is infrastructure, not a value to share")
                .anyMatch(line -> line.contains("AlphaRow"));
        assertThat(violations).noneMatch(line -> line.contains("BetaDomain"));
    }

    private List<String> details(ArchRule rule) {
        EvaluationResult result = rule.evaluate(bad);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
