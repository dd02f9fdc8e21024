package dev.databuild.lineage.lineage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxNodes most nodes one lineage graph may hold: a walk that reaches it stops and says it
 *                 was truncated, so a huge neighbourhood cannot exhaust the server
 */
@ConfigurationProperties("lineage.lineage")
public record LineageProperties(@DefaultValue("5000") int maxNodes) {
}
