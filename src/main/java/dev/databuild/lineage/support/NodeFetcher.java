package dev.databuild.lineage.support;

import java.util.Collection;
import java.util.Map;

/** How a feature resolves its Relay global ids: one statement for any number of keys. */
public interface NodeFetcher {

    /** The GraphQL type name inside global ids, e.g. "JobRun". */
    String type();

    Map<String, Object> fetch(Collection<String> keys);
}
