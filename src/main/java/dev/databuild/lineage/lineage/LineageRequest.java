package dev.databuild.lineage.lineage;

import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.support.ApiException;
import java.time.Instant;
import java.util.UUID;

/** The validated arguments of Query.lineage: a focus by ref (maybe as of a time) or by uuid, and the walk's bounds. */
record LineageRequest(String ref, UUID uuid, Instant asOf, String direction, int depth, int perNodeLimit) {

    static final int MAX_DEPTH = 50;
    static final int MAX_PER_NODE = 100;

    static LineageRequest of(String ref, String uuid, Instant asOf, String direction, Integer depth, Integer perNodeLimit) {
        if ((ref == null) == (uuid == null)) {
            throw ApiException.badArgument("ref", "give exactly one of 'ref' and 'uuid'");
        }
        if (asOf != null && ref == null) {
            throw ApiException.badArgument("asOf", "only applies to a focus given by 'ref'; a 'uuid' names one instance already");
        }
        int d = depth == null ? 3 : depth;
        if (d < 0 || d > MAX_DEPTH) {
            throw ApiException.badArgument("depth", "must be between 0 and " + MAX_DEPTH + "; got " + d);
        }
        int limit = perNodeLimit == null ? 25 : perNodeLimit;
        if (limit < 1 || limit > MAX_PER_NODE) {
            throw ApiException.badArgument("perNodeLimit", "must be between 1 and " + MAX_PER_NODE + "; got " + limit);
        }
        return new LineageRequest(ref, uuid == null ? null : Pages.uuid("uuid", uuid), asOf,
                direction == null ? "BOTH" : direction, d, limit);
    }

    boolean upstream() {
        return !"DOWNSTREAM".equals(direction);
    }

    boolean downstream() {
        return !"UPSTREAM".equals(direction);
    }
}
