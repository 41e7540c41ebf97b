package io.omnireturns.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform alone: embedded PostgreSQL, Axon's JDBC infrastructure and the schema. */
@SpringBootApplication
public class PlatformTestApplication {
}
