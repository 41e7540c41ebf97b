package io.omnireturns.console.browser;

import io.omnireturns.console.ConsoleTestApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console test in a real browser: the whole service on a random port over embedded PostgreSQL (one Spring context
 * shared by every class with this annotation), and a headless Chromium per test, handed to the test method as a
 * {@link ConsoleBrowser} parameter, signed in first when the parameter says {@link SignedInAs @SignedInAs("role")}.
 * A failing test leaves a screenshot of each of its browsers in {@code target/browser-screenshots/}.
 * Create data with {@link DemoReturns} (a test may autowire it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnireturns.database.embedded.data-dir=")
@ExtendWith(ConsoleBrowserExtension.class)
public @interface ConsoleBrowserTest {
}
