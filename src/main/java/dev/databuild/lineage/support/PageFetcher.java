package dev.databuild.lineage.support;

import java.util.Collection;
import java.util.Map;

/** Loads the same page of one relation for many parents: one traversal step, one statement. */
@FunctionalInterface
public interface PageFetcher<K, T> {

    Map<K, Connection<T>> fetch(Collection<K> parents, PageArgs page);
}
