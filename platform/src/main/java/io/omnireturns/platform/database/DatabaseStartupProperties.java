package io.omnireturns.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param startupWait how long a start waits for a database it cannot reach (a node restarted during an outage)
 *                    before it gives up; zero gives up at once
 */
@ConfigurationProperties("omnireturns.database")
public record DatabaseStartupProperties(@DefaultValue("2m") Duration startupWait) {
}
