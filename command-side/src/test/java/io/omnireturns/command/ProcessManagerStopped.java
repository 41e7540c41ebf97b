package io.omnireturns.command;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Beside {@link CommandSideIntegrationTest}: the return process is stopped during each test (and started again after
 * it), so a test that sends the process's own commands sees only what those commands do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProcessManagerStopped.Extension.class)
public @interface ProcessManagerStopped {

    /** Stops {@code return-process} before each test and starts it after. */
    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            processManager(context).shutDown();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            processManager(context).start();
        }

        private static EventProcessor processManager(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(EventProcessingConfiguration.class)
                    .eventProcessor("return-process").orElseThrow();
        }
    }
}
