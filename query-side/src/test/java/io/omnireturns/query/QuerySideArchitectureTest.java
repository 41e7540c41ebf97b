package io.omnireturns.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Each view and its projection do not lean on the web adapter that serves them, nor on another view. */
class QuerySideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.omnireturns.query");

    @Test
    void the_status_view_does_not_depend_on_its_web_layer() {
        noClasses().that().resideInAPackage("io.omnireturns.query.status")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.status.web..")
                .check(classes);
    }

    @Test
    void live_status_updates_do_not_depend_on_the_event_streams_that_serve_them() {
        noClasses().that().resideInAPackage("io.omnireturns.query.status.live..")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.status.web..")
                .check(classes);
    }

    @Test
    void the_exception_queue_does_not_depend_on_its_web_layer() {
        noClasses().that().resideInAPackage("io.omnireturns.query.exceptions")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.exceptions.web..")
                .check(classes);
    }

    @Test
    void each_view_is_built_from_events_alone_never_from_another_view() {
        noClasses().that().resideInAPackage("io.omnireturns.query.exceptions..")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.status..")
                .check(classes);
        noClasses().that().resideInAPackage("io.omnireturns.query.status..")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.exceptions..")
                .check(classes);
    }

    @Test
    void the_draft_that_knows_what_events_mean_knows_nothing_of_axon_spring_or_sql() {
        noClasses().that().haveSimpleNameEndingWith("Draft").or().haveSimpleName("TimelineWording")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }
}
