package io.omnireturns.query;

import io.omnireturns.platform.testing.SignedInAsAdmin;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side on a throw-away embedded PostgreSQL without Axon Server, with MockMvc signed in as admin. Classes
 * with this annotation and nothing else of their own share one application context; a class that adds settings
 * ({@link MultiSegmentViews}, its own {@code @TestPropertySource(properties = ...)} or {@code @Import}) shares one
 * only with classes that add exactly the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
        "omnireturns.database.embedded.data-dir=",
        "axon.axonserver.enabled=false"})
@AutoConfigureMockMvc
@Import(SignedInAsAdmin.class)
public @interface QuerySideIntegrationTest {
}
