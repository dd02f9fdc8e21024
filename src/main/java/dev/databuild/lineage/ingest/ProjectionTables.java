package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import java.util.List;
import org.jooq.Table;

/** Every table derived from the event log: what replay drops and rebuilds. */
public final class ProjectionTables {

    public static final List<Table<?>> ALL = List.of(
            WANT, WANT_PARTITION,
            PARTITION_REF, PARTITION_INSTANCE,
            JOB_RUN, JOB_RUN_WANT,
            READ_DEP, RUN_READ, MISSING_DEP, TAINT, TAINT_INSTANCE);

    private ProjectionTables() {
    }
}
