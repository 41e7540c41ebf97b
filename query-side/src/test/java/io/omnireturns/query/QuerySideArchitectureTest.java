package io.omnireturns.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.omnireturns.platform.testing.FeatureArchitecture;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The query side's layering, enforced by the build: the rules every feature follows ({@link FeatureArchitecture}),
 * then what is the query side's own: each view is built from events alone, never from another view; the audit
 * rebuilds a return with the status view's own rules and reads no view; operations ({@code admin}) may use the audit's
 * event store reader and the status view's rebuild, and no view leans on either. What knows what events mean (the
 * status view's drafts, the ledger's booking and reconciliation rules) is marked {@code @PlainJava} where it lives.
 */
class QuerySideArchitectureTest {

    private static final String SIDE = "io.omnireturns.query";
    private static final FeatureArchitecture FEATURES = FeatureArchitecture.of(SIDE);
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = FeatureArchitecture.classesOf(SIDE);
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

    /** The audit reads no view (it rebuilds with the status view's rules); no view leans on audit or operations. */
    @Test
    void each_view_is_built_from_events_alone_never_from_another_view() {
        slices().matching(SIDE + ".(*)..").namingSlices("feature '$1'").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(SIDE + ".admin.."), resideInAnyPackage(SIDE + ".audit..",
                        SIDE + ".status.."))
                .ignoreDependency(resideInAPackage(SIDE + ".audit.."), equivalentTo(ReturnStatusReplay.class))
                .check(classes);
    }
}
