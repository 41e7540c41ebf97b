package io.omnireturns.query.kpi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The KPI view is built from events alone and does not lean on its web layer, like every other view. */
class KpiArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.omnireturns.query");

    @Test
    void the_kpi_view_does_not_depend_on_its_web_layer_nor_on_another_view() {
        noClasses().that().resideInAPackage("io.omnireturns.query.kpi")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnireturns.query.kpi.web..",
                        "io.omnireturns.query.status..", "io.omnireturns.query.exceptions..",
                        "io.omnireturns.query.finance..", "io.omnireturns.query.audit..")
                .check(classes);
    }
}
