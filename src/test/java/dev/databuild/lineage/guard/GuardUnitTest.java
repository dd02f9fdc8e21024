package dev.databuild.lineage.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.guard.BearerTokenFilter.Access;
import dev.databuild.lineage.support.GraphQlLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/** The pure parts: which access a path needs, token matching, tag bounding, Accept negotiation. */
class GuardUnitTest {

    private final BearerTokenFilter filter = new BearerTokenFilter(new AccessTokens("w", "r"), new GraphQlProperties());

    @Test
    void writesAreEveryNonReadApiCallAndAdmin() {
        assertThat(filter.access("POST", "/api/events")).isEqualTo(Access.WRITE);
        assertThat(filter.access("POST", "/api/events/")).isEqualTo(Access.WRITE);
        assertThat(filter.access("DELETE", "/api/anything")).isEqualTo(Access.WRITE);
        assertThat(filter.access("GET", "/api/admin/replay")).isEqualTo(Access.WRITE);
        assertThat(filter.access("POST", "/api/admin/replay")).isEqualTo(Access.WRITE);
    }

    @Test
    void readsAreGraphQlTheReadApiAndActuatorButHealth() {
        assertThat(filter.access("POST", "/graphql")).isEqualTo(Access.READ);
        assertThat(filter.access("GET", "/graphql")).isEqualTo(Access.READ);
        assertThat(filter.access("GET", "/graphql/schema")).isEqualTo(Access.READ);
        assertThat(filter.access("GET", "/api/events")).isEqualTo(Access.READ);
        assertThat(filter.access("GET", "/actuator/prometheus")).isEqualTo(Access.READ);
        assertThat(filter.access("GET", "/actuator/health")).isEqualTo(Access.OPEN);
        assertThat(filter.access("GET", "/actuator/health/liveness")).isEqualTo(Access.OPEN);
        assertThat(filter.access("GET", "/graphiql")).isEqualTo(Access.OPEN);
        assertThat(filter.access("GET", "/webjars/graphiql/graphiql.min.js")).isEqualTo(Access.OPEN);
        assertThat(filter.access("OPTIONS", "/api/events")).isEqualTo(Access.OPEN);
    }

    @Test
    void tokensMatchExactlyAndNeverPrint() {
        AccessTokens tokens = new AccessTokens("write-token", "");
        assertThat(tokens.isWriteToken("write-token")).isTrue();
        assertThat(tokens.isWriteToken("write-token ")).isFalse();
        assertThat(tokens.isWriteToken("write")).isFalse();
        assertThat(tokens.readProtected()).isFalse();
        assertThat(tokens.isReadToken("")).isFalse();
        assertThat(tokens.toString()).doesNotContain("write-token").contains("******");
    }

    @Test
    void operationNameTagsAreBounded() {
        OperationNameTags tags = new OperationNameTags(new GraphQlLimits(100, 15, 500_000, 50, 20, 1000,
                Duration.ofSeconds(30), DataSize.ofMegabytes(1), Duration.ofSeconds(1), 2));
        assertThat(tags.tag("First")).isEqualTo("First");
        assertThat(tags.tag(null)).isEqualTo("anonymous");
        assertThat(tags.tag("bad name\nwith a newline")).isEqualTo("other");
        assertThat(tags.tag("Second")).isEqualTo("Second");
        assertThat(tags.tag("Third")).isEqualTo("other");
        assertThat(tags.tag("First")).isEqualTo("First");
    }

    @Test
    void acceptNegotiation() {
        assertThat(ResponseMediaTypes.negotiate(null)).isEqualTo(ResponseMediaTypes.GRAPHQL_RESPONSE);
        assertThat(ResponseMediaTypes.negotiate("application/json, application/graphql-response+json"))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(ResponseMediaTypes.negotiate("application/graphql-response+json;q=0.9, application/json;q=0.8"))
                .isEqualTo(ResponseMediaTypes.GRAPHQL_RESPONSE);
        assertThat(ResponseMediaTypes.negotiate("text/html, */*;q=0.1")).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(ResponseMediaTypes.negotiate("application/json;q=0, application/graphql-response+json;q=0.5"))
                .isEqualTo(ResponseMediaTypes.GRAPHQL_RESPONSE);
    }
}
