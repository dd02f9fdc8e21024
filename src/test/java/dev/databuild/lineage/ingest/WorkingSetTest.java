package dev.databuild.lineage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WorkingSetTest {

    @Test
    void sizedFromTheHeapUnlessSet() {
        assertThat(WorkingSet.rowsFor(DataSize.ofMegabytes(512).toBytes())).isEqualTo(167_772);
        assertThat(WorkingSet.rowsFor(DataSize.ofGigabytes(2).toBytes())).isGreaterThan(650_000);
        assertThat(WorkingSet.rowsFor(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(limit(-1)).isEqualTo(WorkingSet.rowsFor(Runtime.getRuntime().maxMemory()));
        assertThat(limit(200_000)).isEqualTo(200_000);
        assertThat(limit(0)).isZero();
    }

    @Test
    void keptWhileSmallAndCurrent() {
        WorkingSet set = new WorkingSet(null, null, properties(2));
        BatchState state = set.open(10);
        set.keep(state, 11);
        assertThat(set.open(11)).as("same head, under the limit").isSameAs(state);
        set.keep(state, 11);
        assertThat(set.open(12)).as("another writer moved the head").isNotSameAs(state);

        state = set.open(12);
        for (int i = 0; i < 3; i++) {
            Rows.Ref ref = new Rows.Ref();
            ref.ref = "r" + i;
            state.refs.put(ref.ref, ref);
        }
        set.keep(state, 13);
        assertThat(set.open(13)).as("over the limit").isNotSameAs(state);
    }

    @Test
    void zeroKeepsNothing() {
        WorkingSet set = new WorkingSet(null, null, properties(0));
        BatchState state = set.open(1);
        set.keep(state, 2);
        assertThat(set.open(2)).isNotSameAs(state);
    }

    private static int limit(int cacheRows) {
        return new WorkingSet(null, null, properties(cacheRows)).limit();
    }

    private static IngestProperties properties(int cacheRows) {
        return new IngestProperties(DataSize.ofMegabytes(64), 10_000, cacheRows);
    }
}
