package dev.databuild.lineage.support;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JooqConfig {

    @Bean
    ExecuteListenerProvider statementCounting(StatementCounter counter) {
        return new DefaultExecuteListenerProvider(counter);
    }
}
