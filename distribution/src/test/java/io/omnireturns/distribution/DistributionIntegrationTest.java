package io.omnireturns.distribution;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A distribution test against the whole service: both sides on a random port over a throw-away embedded PostgreSQL,
 * sandbox connectors, demo data. Classes with this annotation and no settings of their own share one application
 * context; a test that needs a broker or other settings adds them (and so gets a context of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = DistributionTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "omnireturns.database.embedded.data-dir=")
public @interface DistributionIntegrationTest {
}
