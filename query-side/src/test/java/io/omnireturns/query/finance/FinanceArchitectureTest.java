package io.omnireturns.query.finance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The ledger does not lean on its web adapter or on another view, and its rules know nothing of Axon, Spring or SQL. */
class FinanceArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.omnireturns.query");

    @Test
    void the_ledger_does_not_depend_on_its_web_layer() {
        noClasses().that().resideInAPackage("io.omnireturns.query.finance")
                .should().dependOnClassesThat().resideInAPackage("io.omnireturns.query.finance.web..")
                .check(classes);
    }

    @Test
    void the_ledger_is_built_from_events_alone_never_from_another_view() {
        noClasses().that().resideInAPackage("io.omnireturns.query.finance..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omnireturns.query.status..",
                        "io.omnireturns.query.exceptions..")
                .check(classes);
    }

    @Test
    void the_booking_and_reconciliation_rules_know_nothing_of_axon_spring_or_sql() {
        noClasses().that().haveSimpleNameStartingWith("LedgerState")
                .or().haveSimpleNameStartingWith("DiscrepancyRules")
                .or().haveSimpleNameStartingWith("InventoryValuation")
                .or().haveSimpleNameStartingWith("AccountingPeriods")
                .or().haveSimpleNameStartingWith("Posting")
                .or().haveSimpleNameStartingWith("Booking")
                .or().haveSimpleNameStartingWith("LedgerEntry")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }
}
