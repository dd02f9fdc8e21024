package dev.databuild.lineage.guard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param statementTimeout longest a read statement may run before the database cancels it; 0
 *                         disables it. JDBC counts whole seconds, so it is rounded up.
 */
@ConfigurationProperties("lineage.db")
public record DatabaseTimeouts(@DefaultValue("10s") Duration statementTimeout) {
}
