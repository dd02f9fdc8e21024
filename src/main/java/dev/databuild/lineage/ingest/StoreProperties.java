package dev.databuild.lineage.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * When the embedded H2 file is compacted ({@link StoreCompaction}); PostgreSQL ignores these.
 *
 * @param compactBelowLivePercent compact once less than this share of the file is live data (0 = never)
 * @param compactFromSize         never compact a file smaller than this
 * @param compactMaxTime          longest one compaction may hold the writers (a partial one is kept)
 */
@ConfigurationProperties("lineage.store")
public record StoreProperties(
        @DefaultValue("25") int compactBelowLivePercent,
        @DefaultValue("64MB") DataSize compactFromSize,
        @DefaultValue("10s") Duration compactMaxTime) {

    public StoreProperties {
        if (compactBelowLivePercent < 0 || compactBelowLivePercent > 100) {
            throw new IllegalArgumentException("lineage.store.compact-below-live-percent must be 0-100, was "
                    + compactBelowLivePercent);
        }
        if (compactMaxTime.isNegative() || compactMaxTime.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lineage.store.compact-max-time must be 0 to ~24 days, was " + compactMaxTime);
        }
    }
}
