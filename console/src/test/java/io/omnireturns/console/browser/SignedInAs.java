package io.omnireturns.console.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link ConsoleBrowser} parameter of a {@link ConsoleBrowserTest}: the browser starts signed in as this demo
 * user ({@code service-agent}, {@code warehouse}, {@code store-001}, {@code finance}, {@code auditor},
 * {@code operations}, {@code admin}, ...; password {@code demo}), on the console's home page.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SignedInAs {
    String value();
}
