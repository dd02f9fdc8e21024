package dev.databuild.lineage.guard;

import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Node;
import graphql.language.VariableReference;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Costs of operations already priced. Pricing normalizes the whole operation (graphql-java's
 * {@code ExecutableNormalizedOperation}), which took a twentieth of a small view's time, though
 * clients send the same few documents with other ids. A cost depends on the document, the
 * operation and only those variables that size a page or a walk ({@link #PRICED_ARGUMENTS}) or
 * decide a directive ({@code @skip}, {@code @include}); the key holds their values, so a request
 * with another {@code first} is priced anew, and one with another run id is not.
 *
 * <p>Bounded like the document cache: the most recently used {@code size} keys, and only documents
 * the document cache keeps ({@link DocumentCache#MAX_CACHED_LENGTH}).
 */
final class PricedOperations {

    /** The arguments {@link QueryCost} reads. */
    static final Set<String> PRICED_ARGUMENTS = Set.of("first", "last", "ids", "depth", "perNodeLimit", "direction");

    private record Key(String document, String operation, Map<String, Object> variables) {
    }

    private final Map<String, Set<String>> pricedVariables;
    private final Map<Key, QueryCost> costs;
    private long pricings;

    PricedOperations(int size) {
        this.pricedVariables = lru(size);
        this.costs = lru(size);
    }

    QueryCost cost(ExecutionContext execution, Supplier<QueryCost> price) {
        String text = execution.getExecutionInput().getQuery();
        if (text.length() > DocumentCache.MAX_CACHED_LENGTH) {
            return priced(price);
        }
        Set<String> names;
        synchronized (this) {
            names = pricedVariables.get(text);
        }
        if (names == null) {
            names = new HashSet<>();
            collect(execution.getDocument(), false, names);
            synchronized (this) {
                pricedVariables.put(text, names);
            }
        }
        Key key = new Key(text, execution.getOperationDefinition().getName(), values(execution.getCoercedVariables(), names));
        QueryCost cost;
        synchronized (this) {
            cost = costs.get(key);
        }
        if (cost == null) {
            // priced outside the lock; a refused operation throws here and is not kept
            cost = priced(price);
            synchronized (this) {
                costs.put(key, cost);
            }
        }
        return cost;
    }

    /** How many operations were priced rather than found: for tests. */
    synchronized long pricings() {
        return pricings;
    }

    private QueryCost priced(Supplier<QueryCost> price) {
        QueryCost cost = price.get();
        synchronized (this) {
            pricings++;
        }
        return cost;
    }

    /** The variables referenced below {@code node} where a cost can depend on them. */
    private static void collect(Node<?> node, boolean priced, Set<String> names) {
        boolean here = priced || node instanceof Directive
                || node instanceof Argument argument && PRICED_ARGUMENTS.contains(argument.getName());
        if (here && node instanceof VariableReference variable) {
            names.add(variable.getName());
        }
        for (Node<?> child : node.getChildren()) {
            collect(child, here, names);
        }
    }

    /** The values of {@code names}, a variable given as null told apart from one not given. */
    private static Map<String, Object> values(CoercedVariables variables, Set<String> names) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : names) {
            out.put(name, variables.containsKey(name) ? Optional.ofNullable(variables.get(name)) : null);
        }
        return out;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
