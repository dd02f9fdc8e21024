package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Operation names as metric tags, kept low-cardinality: clients choose the names, so only the first
 * lineage.graphql.max-operation-names distinct ones become tags; later ones, and anything that is
 * not a GraphQL name, are tagged "other". Unnamed operations are "anonymous".
 */
@Component
public class OperationNameTags {

    public static final String OTHER = "other";
    public static final String ANONYMOUS = "anonymous";
    /** GraphQLContext key of the operation name in the document, once known. */
    public static final String CONTEXT_KEY = OperationNameTags.class.getName() + ".operationName";
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final int max;

    OperationNameTags(GraphQlLimits limits) {
        this.max = limits.maxOperationNames();
    }

    public String tag(String operationName) {
        String name = safe(operationName);
        if (name.equals(ANONYMOUS) || name.equals(OTHER) || known.contains(name)) {
            return name;
        }
        // check-then-add may admit a few names over the cap under contention: still bounded
        if (known.size() >= max) {
            return OTHER;
        }
        known.add(name);
        return name;
    }

    /** The name if it is a GraphQL name (safe in logs and tags), else "other"; "anonymous" when absent. */
    public static String safe(String operationName) {
        if (operationName == null || operationName.isEmpty()) {
            return ANONYMOUS;
        }
        return NAME.matcher(operationName).matches() ? operationName : OTHER;
    }
}
