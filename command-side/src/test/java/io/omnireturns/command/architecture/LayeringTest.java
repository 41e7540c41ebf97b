package io.omnireturns.command.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.omnireturns.platform.testing.FeatureArchitecture;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command side's layering, enforced by the build: the rules every feature follows ({@link FeatureArchitecture}),
 * then what is the command side's own: aggregates reach for no adapter, the contract leans on nobody, and commands
 * never read the query side. What decides (policies, a return's rules, the process) is marked
 * {@code @PlainJava} where it lives.
 */
class LayeringTest {

    private static final FeatureArchitecture FEATURES = FeatureArchitecture.of("io.omnireturns.command");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = FeatureArchitecture.classesOf("io.omnireturns");
    }

    @Test
    void features_depend_on_each_other_without_cycles() {
        FEATURES.featuresDependOnEachOtherWithoutCycles().check(classes);
    }

    @Test
    void no_code_depends_on_a_web_adapter_but_its_own_features_web_package() {
        FEATURES.webAdaptersAreLeaves().check(classes);
    }

    @Test
    void only_web_adapters_depend_on_application_services() {
        FEATURES.layersPointInwards().check(classes);
    }

    @Test
    void code_marked_plain_java_depends_on_no_framework_adapter_or_clock() {
        FeatureArchitecture.plainJavaStaysPlain().check(classes);
    }

    @Test
    void aggregates_do_not_reach_for_adapters_web_or_persistence() {
        DescribedPredicate<JavaClass> aggregatePackages = DescribedPredicate.describe("reside in an aggregate's package",
                type -> type.getPackage().getClasses().stream().anyMatch(c -> c.isAnnotatedWith(Aggregate.class)));
        noClasses().that(aggregatePackages)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..web..", "..connectors..", "..application..", "org.springframework.jdbc..", "java.sql..",
                        "org.springframework.web..")
                .check(classes);
    }

    @Test
    void the_contract_does_not_depend_on_spring_or_on_either_side() {
        noClasses().that().resideInAPackage("io.omnireturns.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.omnireturns.command..", "io.omnireturns.query..",
                        "io.omnireturns.platform..")
                .check(classes);
    }

    @Test
    void the_command_side_does_not_read_the_query_side() {
        noClasses().that().resideInAPackage("io.omnireturns.command..")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query..")
                .check(classes);
    }
}
