package dev.databuild.lineage.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest POST /api/events body accepted; larger ones get 413
 * @param maxReadLimit   largest page GET /api/events returns
 * @param cacheRows      projection rows ingestion keeps in memory between batches (0 = none, -1 =
 *                       sized from the heap: {@link WorkingSet#rowsFor}); past it the working set
 *                       is dropped and reloaded as batches need it
 */
@ConfigurationProperties("lineage.ingest")
public record IngestProperties(
        @DefaultValue("64MB") DataSize maxRequestSize,
        @DefaultValue("10000") int maxReadLimit,
        @DefaultValue("-1") int cacheRows) {
}
