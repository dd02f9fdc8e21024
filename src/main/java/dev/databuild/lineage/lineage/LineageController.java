package dev.databuild.lineage.lineage;

import dev.databuild.lineage.partition.AsOfKey;
import dev.databuild.lineage.partition.InstanceLinkQueries;
import dev.databuild.lineage.partition.InstanceQueries;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.GraphQlLimits;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.lineage: finds the focus instance and walks from it. */
@Controller
class LineageController {

    private final InstanceQueries instances;
    private final InstanceLinkQueries links;
    private final LineageQueries queries;
    private final GraphQlLimits limits;

    LineageController(InstanceQueries instances, InstanceLinkQueries links, LineageQueries queries, GraphQlLimits limits) {
        this.instances = instances;
        this.links = links;
        this.queries = queries;
        this.limits = limits;
    }

    @QueryMapping
    LineageGraph lineage(@Argument String ref, @Argument String uuid, @Argument String direction, @Argument Integer depth,
                         @Argument Integer perNodeLimit, @Argument Instant asOf) {
        LineageRequest request = LineageRequest.of(ref, uuid, asOf, direction, depth, perNodeLimit);
        return new LineageWalk(queries, links, request.perNodeLimit(), limits.lineageMaxNodes()).walk(focus(request), request);
    }

    private PartitionInstance focus(LineageRequest request) {
        PartitionInstance focus;
        if (request.uuid() != null) {
            focus = instances.byUuids(List.of(request.uuid())).get(request.uuid());
        } else if (request.asOf() != null) {
            AsOfKey key = new AsOfKey(request.ref(), request.asOf().toEpochMilli());
            focus = instances.asOf(List.of(key)).get(key);
        } else {
            focus = instances.canonical(request.ref());
        }
        if (focus == null) {
            throw ApiException.notFound(request.uuid() != null ? "partition instance " + request.uuid()
                    : request.asOf() != null ? "an instance of partition " + request.ref() + " as of " + request.asOf()
                    : "partition " + request.ref());
        }
        return focus;
    }
}
