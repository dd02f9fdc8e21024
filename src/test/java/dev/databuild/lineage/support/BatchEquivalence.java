package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks that a connection loader answers a batch of parents exactly as it answers each parent
 * alone (a lone parent takes the per-parent seek, a batch one statement for all): same edges,
 * cursors, page info and totals, for first pages, pages past cursors taken from real pages (at the
 * start, the middle and the end of parents' relations), and, where the connection pages backward,
 * last pages and pages before those cursors. A batch must also be one statement, whatever the page.
 */
public final class BatchEquivalence {

    private BatchEquivalence() {
    }

    /**
     * @param parents  parents with small, large and no relations (and one that does not exist)
     * @param fetch    the loader's fetch function: pages of many parents for one page argument
     * @param backward whether the connection also pages with last/before
     * @return how many parent pages were compared
     */
    public static <K, T> int check(StatementCounter statements, List<K> parents, BiFunction<Collection<K>, PageArgs, Map<K, Connection<T>>> fetch,
                                   boolean backward) {
        Set<PageArgs> pages = new LinkedHashSet<>();
        for (int size : new int[] {1, 2, 3, 20}) {
            pages.add(new PageArgs(size, null, false));
            if (backward) {
                pages.add(new PageArgs(size, null, true));
            }
        }
        // cursors of every row of every parent (up to 100 each): starts, middles and ends of relations
        Set<String> cursors = new LinkedHashSet<>();
        fetch.apply(parents, new PageArgs(100, null, false)).values().forEach(c -> c.edges().forEach(e -> cursors.add(e.cursor())));
        List<String> sample = new ArrayList<>(cursors);
        for (int i = 0; i < sample.size(); i += Math.max(1, sample.size() / 15)) {
            for (int size : new int[] {1, 3, 20}) {
                pages.add(new PageArgs(size, sample.get(i), false));
                if (backward) {
                    pages.add(new PageArgs(size, sample.get(i), true));
                }
            }
        }
        int compared = 0;
        for (PageArgs page : pages) {
            long before = statements.total();
            Map<K, Connection<T>> batch = fetch.apply(parents, page);
            assertThat(statements.total() - before).as("statements of one batch, %s", page).isEqualTo(1);
            for (K parent : parents) {
                Connection<T> alone = fetch.apply(List.of(parent), page).get(parent);
                assertThat(batch.get(parent)).as("parent %s, %s", parent, page).isEqualTo(alone);
                compared++;
            }
        }
        return compared;
    }
}
