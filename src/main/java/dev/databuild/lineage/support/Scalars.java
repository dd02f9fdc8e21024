package dev.databuild.lineage.support;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** DateTime (ISO-8601 UTC; stored as epoch millis) and Long. */
@Configuration(proxyBeanMethods = false)
class Scalars {

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(dateTime()).scalar(longScalar());
    }

    static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Instant, String>() {
            @Override
            public String serialize(Object value, GraphQLContext ctx, Locale locale) {
                if (value instanceof Number n) {
                    return Instant.ofEpochMilli(n.longValue()).toString();
                }
                if (value instanceof Instant i) {
                    return i.toString();
                }
                throw new CoercingSerializeException("not a DateTime: " + value);
            }

            @Override
            public Instant parseValue(Object input, GraphQLContext ctx, Locale locale) {
                return parse(String.valueOf(input), CoercingParseValueException::new);
            }

            @Override
            public Instant parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                if (input instanceof StringValue s) {
                    return parse(s.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string such as 2025-01-01T00:00:00Z");
            }
        }).build();
    }

    private static Instant parse(String s, java.util.function.Function<String, RuntimeException> error) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ex) {
            throw error.apply("'" + s + "' is not an ISO-8601 instant such as 2025-01-01T00:00:00Z");
        }
    }

    static GraphQLScalarType longScalar() {
        return GraphQLScalarType.newScalar().name("Long").coercing(new Coercing<Long, Long>() {
            @Override
            public Long serialize(Object value, GraphQLContext ctx, Locale locale) {
                if (value instanceof Number n) {
                    return n.longValue();
                }
                throw new CoercingSerializeException("not a Long: " + value);
            }

            @Override
            public Long parseValue(Object input, GraphQLContext ctx, Locale locale) {
                try {
                    return input instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(input));
                } catch (NumberFormatException ex) {
                    throw new CoercingParseValueException("'" + input + "' is not a 64-bit integer");
                }
            }

            @Override
            public Long parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                if (input instanceof IntValue i) {
                    return i.getValue().longValueExact();
                }
                throw new CoercingParseLiteralException("Long must be an integer literal");
            }
        }).build();
    }
}
