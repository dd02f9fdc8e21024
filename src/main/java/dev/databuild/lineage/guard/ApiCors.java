package dev.databuild.lineage.guard;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the REST API under /api/**, from the same origins as /graphql (application.yml passes
 * lineage.cors.allowed-origins to Boot's spring.graphql.cors.allowed-origins). No origins, the
 * default, means no CORS mapping at all: only the service's own pages can call it from a browser.
 */
@Configuration(proxyBeanMethods = false)
class ApiCors implements WebMvcConfigurer {

    /** @param allowedOrigins origins (scheme://host[:port]) browsers may call the API from */
    @ConfigurationProperties("lineage.cors")
    record CorsOrigins(@DefaultValue List<String> allowedOrigins) {
    }

    private final CorsOrigins origins;

    ApiCors(CorsOrigins origins) {
        this.origins = origins;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        List<String> allowed = origins.allowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (allowed.isEmpty()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(allowed.toArray(String[]::new))
                .allowedMethods("GET", "POST")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .exposedHeaders("Lineage-Log-Head")
                .maxAge(3600);
    }
}
