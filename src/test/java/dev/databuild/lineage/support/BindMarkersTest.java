package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A template is cut at the markers jOOQ binds and nowhere else; where jOOQ could read the text
 * otherwise, it is not cut and goes as plain SQL (the suite also compares every cut statement with
 * jOOQ's own plain SQL, on both databases).
 */
class BindMarkersTest {

    @Test
    void cutsAtEachMarker() {
        assertThat(BindMarkers.split("select ? from \"t\" where \"a\" = ? limit ?", 3))
                .containsExactly("select ", " from \"t\" where \"a\" = ", " limit ", "");
        assertThat(BindMarkers.split("select cast(?::varchar[] as text)", 1)).containsExactly("select cast(", "::varchar[] as text)");
    }

    @Test
    void aQuestionMarkInALiteralOrANameIsNotAMarker() {
        assertThat(BindMarkers.split("select 'why?', 'it''s ?', \"odd?\"\"name\" from t where x = ?", 1))
                .containsExactly("select 'why?', 'it''s ?', \"odd?\"\"name\" from t where x = ", "");
    }

    @Test
    void textJooqCouldReadOtherwiseIsNotCut() {
        assertThat(BindMarkers.split("select ? -- a comment?", 1)).isNull();
        assertThat(BindMarkers.split("select ? /* ? */", 1)).isNull();
        assertThat(BindMarkers.split("select {fn now()}, ?", 1)).isNull();
        assertThat(BindMarkers.split("select * from t where a = :name and b = ?", 1)).isNull();
        assertThat(BindMarkers.split("select j ?| array['a'] from t where b = ?", 1)).isNull();
        assertThat(BindMarkers.split("select 'open", 0)).isNull();
    }

    @Test
    void aCountOtherThanTheValuesIsNotCut() {
        assertThat(BindMarkers.split("select ?, ?", 1)).isNull();
        assertThat(BindMarkers.split("select 1", 0)).containsExactly("select 1");
    }
}
