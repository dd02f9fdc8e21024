package dev.databuild.lineage.reliability;

import dev.databuild.lineage.LineageApplication;
import dev.databuild.lineage.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service for the jqwik properties, which Spring's test support does not reach: started once
 * per JVM on a fresh database of the kind under test, stopped when the JVM exits.
 */
final class FuzzServer {

    private static FuzzServer instance;

    final int port;
    final DSLContext db;

    private FuzzServer(ConfigurableApplicationContext ctx) {
        this.port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        this.db = ctx.getBean(DSLContext.class);
    }

    static synchronized FuzzServer get() {
        if (instance == null) {
            Map<String, Object> props = new HashMap<>(TestDatabase.newDatabase());
            props.put("server.port", "0");
            props.put("spring.main.banner-mode", "off");
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LineageApplication.class).properties(props).run();
            instance = new FuzzServer(ctx);
        }
        return instance;
    }
}
