package dev.databuild.lineage.support;

import graphql.schema.DataFetchingEnvironment;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Registration and use of the DataLoaders every relation goes through. Connection loaders are keyed
 * by parent and page arguments; parents asking for the same page are fetched together.
 */
public final class Loaders {

    private Loaders() {
    }

    /** A loader of values by key, e.g. job runs by id: one call of {@code fetch} per batch. */
    public static <K, V> void byKey(BatchLoaderRegistry registry, String name, Function<Set<K>, Map<K, V>> fetch) {
        registry.<K, V>forName(name).registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> fetch.apply(keys)));
    }

    /** A loader of connection pages; keys with equal page arguments share one {@code fetcher} call. */
    public static <K, T> void pages(BatchLoaderRegistry registry, String name, PageFetcher<K, T> fetcher) {
        registry.<PageKey<K>, Connection<T>>forName(name).registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
            Map<PageArgs, List<K>> byPage = new LinkedHashMap<>();
            keys.forEach(k -> byPage.computeIfAbsent(k.page(), p -> new ArrayList<>()).add(k.parent()));
            Map<PageKey<K>, Connection<T>> out = new HashMap<>();
            byPage.forEach((page, parents) -> {
                Map<K, Connection<T>> loaded = fetcher.fetch(parents, page);
                parents.forEach(p -> out.put(new PageKey<>(p, page), loaded.getOrDefault(p, Connection.empty())));
            });
            return out;
        }));
    }

    /**
     * Whether the field's selection names nothing a reference does not carry: the target's key
     * field, its global {@code id} and {@code __typename}. Such a field needs no lookup at all:
     * {@code builtBy { jobRunId }} is answered from the parent's own row.
     *
     * <p>Read off the document, not graphql-java's selection set, which would normalize the whole
     * operation for it (a twentieth of a small view's time). A fragment in the selection answers
     * no: the lookup is made, as for any field it does not know.
     */
    public static boolean asksOnlyIdentity(DataFetchingEnvironment env, String keyField) {
        List<Selection<?>> selections = selections(env.getMergedField());
        return !selections.isEmpty()
                && selections.stream().allMatch(s -> s instanceof Field child && isIdentity(child.getName(), keyField));
    }

    /**
     * The fields this field selects directly with no arguments and no directives, read off the
     * document: what a resolver can ask for ahead of them, keyed as they will be (a field in a
     * fragment is not among them, and loads when its turn comes).
     */
    public static List<String> plainSelections(DataFetchingEnvironment env) {
        return plainChildren(env.getMergedField()).stream().map(Field::getName).toList();
    }

    /**
     * Whether the object this field belongs to also selects {@code connection} plainly (no
     * arguments: its first page at the default size), which a field derived from it can share.
     */
    public static boolean besideFirstPageOf(DataFetchingEnvironment env, String connection) {
        ExecutionStepInfo parent = env.getExecutionStepInfo().getParent();
        return parent != null && parent.getField() != null
                && plainChildren(parent.getField()).stream().anyMatch(f -> f.getName().equals(connection));
    }

    private static List<Field> plainChildren(MergedField merged) {
        List<Field> out = new ArrayList<>();
        for (Selection<?> selection : selections(merged)) {
            if (selection instanceof Field child && child.getArguments().isEmpty() && child.getDirectives().isEmpty()) {
                out.add(child);
            }
        }
        return out;
    }

    /** What a field selects directly, over every occurrence of it in the document (none for a leaf). */
    private static List<Selection<?>> selections(MergedField merged) {
        List<Selection<?>> out = new ArrayList<>();
        for (Field field : merged.getFields()) {
            SelectionSet set = field.getSelectionSet();
            for (Selection<?> selection : set == null ? List.<Selection<?>>of() : set.getSelections()) {
                out.add(selection);
            }
        }
        return out;
    }

    private static boolean isIdentity(String name, String keyField) {
        return name.equals(keyField) || name.equals("id") || name.equals("__typename");
    }

    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, String name, K key) {
        DataLoader<K, V> loader = env.getDataLoader(name);
        return loader.load(key);
    }

    /** The page of {@code parent} the field asks for (its arguments read as {@link CursorKey#page} reads them). */
    public static <K, T> CompletableFuture<Connection<T>> page(DataFetchingEnvironment env, String name, K parent, int maxPageSize) {
        return page(env, name, parent, PageArgs.requested(env, maxPageSize));
    }

    /** The page of {@code parent} through the named connection loader, for arguments already checked. */
    public static <K, T> CompletableFuture<Connection<T>> page(DataFetchingEnvironment env, String name, K parent, PageArgs page) {
        DataLoader<PageKey<K>, Connection<T>> loader = env.getDataLoader(name);
        return loader.load(new PageKey<>(parent, page));
    }

    /** Groups rows by parent key, keeping the fetch order within each parent. */
    public static <K, R> Map<K, List<R>> group(Collection<R> rows, Function<R, K> parent) {
        Map<K, List<R>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(parent.apply(r), k -> new ArrayList<>()).add(r));
        return out;
    }

    /** An empty list per key, in the keys' order: a batch's answer for keys with no rows is an empty list, not a missing one. */
    public static <K, V> Map<K, List<V>> emptyLists(Collection<K> keys) {
        Map<K, List<V>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, new ArrayList<>()));
        return out;
    }
}
