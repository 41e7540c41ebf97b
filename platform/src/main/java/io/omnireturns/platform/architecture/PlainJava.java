package io.omnireturns.platform.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Code that decides: a return's rules, a policy, the process's flow, a view's reading of events. It is plain Java,
 * tested without a framework: it depends on no Spring, Axon, SQL or web class, on no adapter of this project, and
 * reads no clock (it is given the time). On a package ({@code package-info.java}) it covers the package's classes.
 * <p>
 * The build checks every class so marked with one rule for all features ({@code FeatureArchitecture} in the
 * platform's test support), so a new feature only marks its deciding code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PlainJava {
}
