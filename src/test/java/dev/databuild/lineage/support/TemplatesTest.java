package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.databuild.lineage.jobrun.StatementScenario;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Page statements are rendered once per shape: a view asked for a second subject of the same shape
 * renders nothing new, and answers as it did before templates (the suite runs with assertions on,
 * so every templated statement is also rendered the old way and compared).
 */
class TemplatesTest extends GraphQlTest {

    @Test
    void aSecondSubjectOfTheSameShapeRendersNothingNew() {
        load(StatementScenario.events(30));
        ask("jobRunDetail", Map.of("jobRunId", "R-0002"));
        ask("partitionLineage", Map.of("ref", "out/2", "at", "2030-01-01T00:00:00Z"));
        int shapes = Templates.size();
        ask("jobRunDetail", Map.of("jobRunId", "R-0003"));
        ask("partitionLineage", Map.of("ref", "out/3", "at", "2031-01-01T00:00:00Z"));
        assertThat(Templates.size()).isEqualTo(shapes);
    }

    @Test
    void aShapeThatMissesAValueItsStatementBindsFailsUnderAssertions() {
        var shape = List.of("TemplatesTest", "limit left out");
        assertThat(limited(shape, 1)).extracting(r -> r.get("k")).containsExactly("a");
        assertThatThrownBy(() -> limited(shape, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decide its statement");
    }

    @Test
    void theKeyReplacesTheStandInWhereverItIsBound() {
        var shape = List.of("TemplatesTest", "key twice");
        for (String key : List.of("x", "y")) {
            var rows = Templates.fetch(db, shape, k -> db.select(DSL.val(k).as("a"), DSL.val(k).concat(DSL.val("!")).as("b")),
                    Templates.standIn(String.class), key);
            assertThat(rows).extracting(r -> r.get("a") + " " + r.get("b")).containsExactly(key + " " + key + "!");
        }
    }

    /** A key of several parts (asOf's ref and instant): each part goes where its stand-in's part was bound. */
    @Test
    void eachPartOfAKeyReplacesItsStandInsPart() {
        var shape = List.of("TemplatesTest", "two parts");
        record Pair(String ref, Long at) {
        }
        Pair standIn = new Pair(Templates.standIn(String.class), Templates.standIn(Long.class));
        for (Pair key : List.of(new Pair("x", 1L), new Pair("y", 2L))) {
            var rows = Templates.fetch(db, shape, k -> db.select(DSL.val(k.ref()).as("r"), DSL.val(k.at()).plus(1).as("a"),
                    DSL.val(k.ref()).concat(DSL.val("!")).as("b")), standIn, key, k -> List.of(k.ref(), k.at()));
            assertThat(rows).extracting(r -> r.get("r") + " " + r.get("a") + " " + r.get("b"))
                    .containsExactly(key.ref() + " " + (key.at() + 1) + " " + key.ref() + "!");
        }
    }

    private Result<Record> limited(List<?> shape, int limit) {
        return Templates.fetch(db, shape, k -> db.select(DSL.val(k).as("k")).limit(limit), Templates.standIn(String.class), "a");
    }

    private void ask(String document, Map<String, Object> variables) {
        var request = graphQl.documentName(document);
        variables.forEach(request::variable);
        request.execute().errors().verify();
    }
}
