package io.omnireturns.platform.testing;

import io.omnireturns.platform.architecture.PlainJava;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every feature follows, written once for all of them (a feature is a package right under a side:
 * {@code io.omnireturns.command.returns}, {@code io.omnireturns.query.finance}, ...):
 * <ul>
 *     <li>features depend on each other without cycles;</li>
 *     <li>a feature's {@code web} package is a leaf: no other code depends on it, no other feature's web adapter
 *     either;</li>
 *     <li>layers point inwards: within a feature, only its web adapter depends on its {@code application}
 *     package;</li>
 *     <li>code marked {@link PlainJava} stays plain: no framework or library (but Jackson's annotations of a stored
 *     format), no SQL, no clock ({@code now()}, {@code System.currentTimeMillis()}, {@code Clock}: it is given the
 *     time), and of this project no platform code, no adapter or wiring package (segments {@code web},
 *     {@code application}, {@code engine}, {@code config}, {@code integration}, {@code outcomes}) and of the
 *     connectors only the values they define (records and enums).</li>
 * </ul>
 * A side's architecture test imports its classes with {@link #classesOf(String...)} and checks these rules, then adds
 * the few rules that are its own.
 */
public final class FeatureArchitecture {

    private static final String PROJECT = "io.omnireturns.";
    /** Libraries plain code may use: annotations that describe a stored format, nothing that runs. */
    private static final Set<String> PLAIN_LIBRARIES = Set.of("com.fasterxml.jackson.annotation");
    /** Where a feature keeps its adapters and wiring, by the name of a package segment: plain code uses none of it. */
    private static final Set<String> ADAPTER_PACKAGES = Set.of("web", "application", "engine", "config", "integration",
            "outcomes");
    /** The types that tell the time. */
    private static final Set<String> CLOCKS = Set.of("java.time.Clock", "java.time.InstantSource");

    private final String side;

    private FeatureArchitecture(String side) {
        this.side = side;
    }

    /** The rules for the features under {@code side}, e.g. {@code io.omnireturns.query}. */
    public static FeatureArchitecture of(String side) {
        return new FeatureArchitecture(side);
    }

    /**
     * The production classes of these packages, without test classes: neither a module's own nor those of another
     * module's test jar (the fixtures of {@code FeatureArchitectureTest} break every rule on purpose).
     */
    public static JavaClasses classesOf(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(packages);
    }

    public ArchRule featuresDependOnEachOtherWithoutCycles() {
        return slices().matching(side + ".(*)..").namingSlices("feature '$1'").should().beFreeOfCycles()
                .because("a feature that needs another one's code uses it, never the other way round as well");
    }

    public ArchRule webAdaptersAreLeaves() {
        return classes().that().resideInAPackage(side + "..")
                .should(new ArchCondition<>("depend on no web adapter but their own feature's, from within it") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (webFeature(target).isPresent() && !webFeature(origin).equals(webFeature(target))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a web adapter serves its feature; the feature and the others do not know it is there");
    }

    public ArchRule layersPointInwards() {
        return classes().that().resideInAPackage(side + "..")
                .should(new ArchCondition<>("depend on their own feature's application services only from its web "
                        + "adapter") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> feature = feature(origin);
                        if (feature.isEmpty() || inSegment(origin, "web") || inSegment(origin, "application")) {
                            return;
                        }
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (inSegment(target, "application") && feature.equals(feature(target))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("within a feature web calls application and application calls the domain, never back");
    }

    public static ArchRule plainJavaStaysPlain() {
        DescribedPredicate<JavaClass> plain = DescribedPredicate.describe("plain Java (@PlainJava)",
                FeatureArchitecture::isPlain);
        return classes().that(plain).should(new ArchCondition<>("depend on no framework, SQL, clock, platform "
                + "code or adapter") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (!allowedForPlainCode(dependency.getTargetClass())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
                for (JavaMethodCall call : origin.getMethodCallsFromSelf()) {
                    if (readsTheClock(call.getTargetOwner().getName(), call.getName())) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription() + " reads the clock"));
                    }
                }
                for (JavaMethodReference reference : origin.getMethodReferencesFromSelf()) {
                    if (readsTheClock(reference.getTargetOwner().getName(), reference.getName())) {
                        events.add(SimpleConditionEvent.violated(reference,
                                reference.getDescription() + " reads the clock"));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    static boolean isPlain(JavaClass type) {
        JavaClass outer = outermost(type);
        return outer.isAnnotatedWith(PlainJava.class) || outer.getPackage().isAnnotatedWith(PlainJava.class);
    }

    private static boolean allowedForPlainCode(JavaClass target) {
        if (target.isArray()) {
            return allowedForPlainCode(target.getBaseComponentType());
        }
        String name = target.getName();
        String pkg = target.getPackageName();
        if (target.isPrimitive() || name.equals(PlainJava.class.getName())) {
            return true;
        }
        if (pkg.startsWith("java.")) {
            return !pkg.startsWith("java.sql") && !CLOCKS.contains(name);
        }
        if (!name.startsWith(PROJECT)) {
            return PLAIN_LIBRARIES.contains(pkg);
        }
        if (pkg.startsWith(PROJECT + "platform")
                || ADAPTER_PACKAGES.stream().anyMatch(segment -> hasSegment(pkg, segment))) {
            return false;
        }
        return !hasSegment(pkg, "connectors") || target.isRecord() || target.isEnum();
    }

    /** A read of the clock: {@code now()} of any {@code java.time} type, or the system's own time. */
    private static boolean readsTheClock(String owner, String method) {
        return owner.startsWith("java.time.") && method.equals("now")
                || owner.equals("java.lang.System") && (method.equals("currentTimeMillis") || method.equals("nanoTime"));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** The feature a class belongs to ({@code io.omnireturns.query.status}), if it is under this side. */
    private Optional<String> feature(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(side + ".")) {
            return Optional.empty();
        }
        int end = pkg.indexOf('.', side.length() + 1);
        return Optional.of(end < 0 ? pkg : pkg.substring(0, end));
    }

    private static boolean inSegment(JavaClass type, String segment) {
        return hasSegment(type.getPackageName(), segment);
    }

    private static boolean hasSegment(String pkg, String segment) {
        return ("." + pkg + ".").contains("." + segment + ".");
    }

    /** The web package a class sits in ({@code io.omnireturns.query.status.web}), if any. */
    private Optional<String> webFeature(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(side + ".")) {
            return Optional.empty();
        }
        List<String> segments = List.of(pkg.split("\\."));
        int web = segments.indexOf("web");
        return web < 0 ? Optional.empty() : Optional.of(String.join(".", segments.subList(0, web + 1)));
    }
}
