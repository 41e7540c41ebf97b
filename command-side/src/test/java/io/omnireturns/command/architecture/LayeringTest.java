package io.omnireturns.command.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon, enforced by the build: the domain imports no adapter, web or persistence code. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omnireturns");
    }

    @Test
    void policies_are_plain_java_without_framework_or_adapters() {
        noClasses().that().resideInAnyPackage("..command.policy.eligibility..", "..command.policy.refund..",
                        "..command.policy.tax..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.axonframework..", "..web..", "..connectors..", "..application..")
                .check(classes);
    }

    @Test
    void aggregates_do_not_reach_for_adapters_web_or_persistence() {
        noClasses().that().resideInAnyPackage("io.omnireturns.command.returns", "io.omnireturns.command.ledger")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..web..", "..connectors..", "..application..", "org.springframework.jdbc..", "java.sql..",
                        "org.springframework.web..")
                .check(classes);
    }

    @Test
    void the_rules_a_return_decides_with_are_plain_java_without_axon_or_spring() {
        noClasses().that().haveNameMatching(
                        "io\\.omnireturns\\.command\\.returns\\.(ReturnLifecycle|ReturnLogistics|ReturnMoney|ReturnHolds|StaffDecisions)")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..")
                .check(classes);
    }

    @Test
    void the_return_process_is_plain_java_that_reads_no_clock_and_calls_no_system() {
        DescribedPredicate<JavaClass> adapters = DescribedPredicate.describe("connector adapters (not their records)",
                type -> type.getPackageName().contains(".connectors.") && !type.isRecord() && !type.isEnum());
        noClasses().that().resideInAPackage("io.omnireturns.command.orchestration.process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "java.sql..", "javax.sql..", "..orchestration.engine..", "..web..", "..application..")
                .orShould().dependOnClassesThat(adapters)
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().callMethod(java.time.Instant.class, "now")
                .because("the process is folded from events and asked with the time it is given (docs/architecture.md)")
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
