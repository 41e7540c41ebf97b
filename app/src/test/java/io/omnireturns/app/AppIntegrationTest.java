package io.omnireturns.app;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port over a throw-away embedded PostgreSQL, sandbox connectors, demo data. Classes
 * with this annotation and nothing else of their own share one application context; a class that adds settings
 * ({@link QuickProcessTiming}, its own {@code @TestPropertySource(properties = ...)}, observability, dynamic
 * properties) shares one only with classes that add exactly the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnireturns.database.embedded.data-dir=")
public @interface AppIntegrationTest {
}
