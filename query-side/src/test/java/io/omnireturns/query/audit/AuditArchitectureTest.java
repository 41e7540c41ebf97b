package io.omnireturns.query.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Auditors' answers come from the event store alone, rebuilt by the status view's own rules, never read from a
 * view; audit and operations do not lean on their web adapters; no view leans on them.
 */
class AuditArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.omnireturns.query");

    @Test
    void the_audit_reads_no_view_and_rebuilds_with_the_status_views_own_rules() {
        noClasses().that().resideInAPackage("io.omnireturns.query.audit..")
                .should().dependOnClassesThat(resideInAnyPackage("io.omnireturns.query.status..",
                        "io.omnireturns.query.exceptions..", "io.omnireturns.query.finance..",
                        "io.omnireturns.query.kpi..").and(not(equivalentTo(ReturnStatusReplay.class))))
                .check(classes);
    }

    @Test
    void audit_and_operations_do_not_depend_on_their_web_layers() {
        noClasses().that().resideInAPackage("io.omnireturns.query.audit")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.audit.web..")
                .check(classes);
        noClasses().that().resideInAPackage("io.omnireturns.query.admin")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnireturns.query.admin.web..",
                        "io.omnireturns.query.audit.web..")
                .check(classes);
    }

    @Test
    void no_view_depends_on_audit_or_operations() {
        noClasses().that().resideInAnyPackage("io.omnireturns.query.status..", "io.omnireturns.query.exceptions..",
                        "io.omnireturns.query.finance..", "io.omnireturns.query.kpi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnireturns.query.audit..",
                        "io.omnireturns.query.admin..")
                .check(classes);
    }

    @Test
    void the_replay_of_the_status_view_knows_nothing_of_axon_spring_or_sql() {
        noClasses().that().haveSimpleNameStartingWith("ReturnStatusReplay")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }
}
