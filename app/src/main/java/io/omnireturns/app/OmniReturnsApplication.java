package io.omnireturns.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * All-in-one launcher: the command side and the query side in one JVM, on embedded PostgreSQL with sandbox
 * connectors unless told otherwise. Each side's own launcher is left out of the scan.
 */
@SpringBootApplication
@ComponentScan(basePackages = "io.omnireturns",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.omnireturns\\.(command|query)\\.\\w+SideApplication"))
public class OmniReturnsApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(OmniReturnsApplication.class, args);
    }
}
