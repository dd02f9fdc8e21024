package dev.databuild.lineage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LineageApplication {

    public static void main(String[] args) {
        SpringApplication.run(LineageApplication.class, args);
    }
}
