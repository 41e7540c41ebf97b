package io.omnireturns.command;

import io.omnireturns.command.orchestration.StepExecutor;
import io.omnireturns.platform.testing.SignedInAsAdmin;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side on a throw-away embedded PostgreSQL, with MockMvc signed in as admin and the return process's
 * remote calls left out (the step executor is a mock that accepts a call and never makes it), so a test sees only
 * what it writes itself. Every class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommandSideApplication.class, properties = {
        "omnireturns.database.embedded.data-dir=",
        // parked webhooks are swept when a test says so, never behind its back
        "omnireturns.integrations.sweep-interval=1h",
        // a return left REQUESTED is decided soon (ReturnDecisionTimeoutIntegrationTest); requests decide at once
        "omnireturns.process.decision-timeout=2s"})
@AutoConfigureMockMvc
@Import(SignedInAsAdmin.class)
@MockitoBean(types = StepExecutor.class)
public @interface CommandSideIntegrationTest {
}
