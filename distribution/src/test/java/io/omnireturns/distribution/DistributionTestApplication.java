package io.omnireturns.distribution;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole service for the distribution module's tests, as app's {@code OmniReturnsApplication} assembles it (this
 * module cannot depend on app): both sides in one JVM, each side's own launcher left out of the scan. Its settings
 * are {@code src/test/resources/application.yml}, a copy of app's.
 */
@SpringBootApplication
@ComponentScan(basePackages = "io.omnireturns",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.omnireturns\\.(command|query)\\.\\w+SideApplication"))
public class DistributionTestApplication {
}
