package dev.databuild.lineage.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPageSize largest {@code first} any connection accepts
 */
@ConfigurationProperties("lineage.graphql")
public record GraphQlLimits(@DefaultValue("100") int maxPageSize) {
}
